package io.sanctionsrisk.cadence.marks;

/** A (sector, region) cell of the heatmap, e.g. ("commercial-bank", "southern-asia"). */
public record Cell(String sector, String region) implements Comparable<Cell> {

    public Cell {
        if (sector == null || sector.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("a cell needs a sector and a region");
        }
    }

    @Override
    public int compareTo(Cell o) {
        int c = sector.compareTo(o.sector);
        return c != 0 ? c : region.compareTo(o.region);
    }
}
