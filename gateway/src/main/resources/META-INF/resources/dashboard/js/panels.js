// The four panels. Each panel element carries data-state (loading, ready, error), a .status line for messages and a
// .content box; a failed request shows its reason in the panel and leaves the other panels alone.

import {ApiError} from './api.js';
import {AuthError} from './auth.js';
import {el, format} from './dom.js';
import {describeInterval, intervalOf, pointOf} from './intervals.js';

const charts = new Map();

/** Runs one panel's request and rendering; a failure of either is shown in that panel only. */
export async function load(panel, request, render) {
    const status = panel.querySelector('.status');
    const content = panel.querySelector('.content');
    panel.dataset.state = 'loading';
    status.replaceChildren('Loading…');
    try {
        const data = await request();
        dropChart(panel);
        content.replaceChildren();
        render(content, data);
        status.replaceChildren();
        delete panel.dataset.status;
        panel.dataset.state = 'ready';
    } catch (e) {
        dropChart(panel);
        content.replaceChildren();
        const message =
            e instanceof ApiError ? e.readable : e instanceof AuthError ? e.message : `The panel could not be drawn: ${e.message}`;
        status.replaceChildren(message);
        if (e instanceof ApiError && e.requestId) {
            status.append(el('span', {class: 'request-id'}, `request id ${e.requestId}`));
        }
        panel.dataset.state = 'error';
        panel.dataset.status = e instanceof ApiError ? String(e.status) : '';
        if (!(e instanceof ApiError || e instanceof AuthError)) {
            console.error(e);
        }
    }
}

function dropChart(panel) {
    const chart = charts.get(panel.id);
    if (chart) {
        chart.destroy();
        charts.delete(panel.id);
    }
}

function chart(content, config) {
    const canvas = el('canvas');
    content.append(el('div', {class: 'chart'}, canvas));
    const panel = content.closest('.panel');
    const instance = new window.Chart(canvas, {
        ...config,
        options: {animation: false, maintainAspectRatio: false, responsive: true, ...config.options},
    });
    charts.set(panel.id, instance);
    return instance;
}

// --- (d) model freshness -------------------------------------------------------------------------------------------

export function renderFreshness(content, model) {
    const freshness = model.freshness || {};
    const versions = model.versions || {};
    const stale = Boolean(freshness.stale);
    const panel = content.closest('.panel');
    panel.dataset.stale = String(stale);
    panel.dataset.dataVersion = String(versions.data);
    const facts = el('dl', {class: 'facts'});
    const fact = (name, ...value) => facts.append(el('dt', {}, name), el('dd', {}, ...value));
    fact('Status', el('span', {class: `badge ${stale ? 'stale' : 'fresh'}`}, stale ? 'Stale' : 'Fresh'));
    if (stale && freshness.staleReasons && freshness.staleReasons.length) {
        fact('Why stale', el('ul', {}, freshness.staleReasons.map((reason) => el('li', {}, reason))));
    }
    fact('Data age', `${format.age(freshness.dataAgeSeconds ?? 0)} (data as of ${format.instant(freshness.dataAsOf)})`);
    fact(
        'Data version',
        el('span', {class: 'data-version'}, String(versions.data)),
        freshness.latestKnownDataVersion != null && freshness.latestKnownDataVersion !== versions.data
            ? ` (latest known: ${freshness.latestKnownDataVersion})`
            : '',
        versions.dataLastModified ? `, written ${format.instant(versions.dataLastModified)}` : '',
    );
    fact('Model version', el('span', {class: 'model-version'}, versions.model));
    fact('Code version', versions.code);
    fact('Snapshot', `#${model.snapshotId}, fitted ${format.instant(model.createdAt)}`);
    if (model.fit) {
        fact(
            'Fit',
            `${model.fit.trigger}, ${model.fit.origin}, ${model.fit.converged ? 'converged' : 'did not converge'}` +
                (model.fit.hitTimeBudget ? ', stopped at its time budget' : ''),
        );
    }
    if (model.window) {
        fact('Window', `${model.window.start} to ${model.window.end}`);
    }
    if (model.data) {
        fact('Fitted on', `${model.data.events} heists, ${model.data.sanctions} sanctions (+ ${model.data.easingSanctions} easing)`);
    }
    fact(
        'Sanctions-service',
        freshness.sanctionsServiceReachable ? 'reachable' : `not reachable${freshness.lastSyncError ? `: ${freshness.lastSyncError}` : ''}`,
        `, last sync ${format.instant(freshness.lastSuccessfulSync)}`,
    );
    content.append(facts);
}

// --- (a) heatmap ---------------------------------------------------------------------------------------------------

const MEASURES = {
    probabilityAtLeastOne: {label: 'P(at least one heist)', format: format.percent},
    expectedCount: {label: 'expected heists', format: format.count},
    expectedLoss: {label: 'expected loss', format: format.usd},
};

/**
 * The cell colour for a value as a share of the largest. Light shades (dark text) up to half the largest, dark
 * shades (white text) above: a continuous ramp would pass through reds on which neither dark nor white text
 * reaches the 4.5:1 contrast of WCAG 2 AA.
 */
export function heatShade(ratio) {
    if (ratio <= 0.5) {
        return {background: `rgba(150, 20, 15, ${(0.04 + 0.72 * ratio).toFixed(3)})`, color: '#1d2330'};
    }
    return {background: `rgba(150, 20, 15, ${(0.75 + 0.5 * (ratio - 0.5)).toFixed(3)})`, color: '#ffffff'};
}

export function renderHeatmap(content, heatmap, measure, showIntervals = false) {
    const panel = content.closest('.panel');
    const show = MEASURES[measure] || MEASURES.probabilityAtLeastOne;
    const cells = new Map(heatmap.cells.map((cell) => [`${cell.sector}|${cell.region}`, cell]));
    const value = (cell, name) => pointOf(cell, name) ?? 0;
    const largest = Math.max(0, ...heatmap.cells.map((cell) => value(cell, measure)));
    const withIntervals = heatmap.cells.filter((cell) => intervalOf(cell, measure)).length;
    panel.dataset.cells = String(heatmap.cells.length);
    panel.dataset.horizonDays = String(heatmap.horizonDays);
    panel.dataset.intervals = String(withIntervals);

    const total = heatmap.total;
    const totalInterval = (name, fmt) => {
        const interval = intervalOf(total, name);
        return interval ? ` ${describeInterval(interval, fmt)}` : '';
    };
    content.append(
        el(
            'p',
            {class: 'summary'},
            `${heatmap.horizonDays} days from ${heatmap.from} to ${heatmap.to}: in all cells together `,
            `${format.count(value(total, 'expectedCount'))}${totalInterval('expectedCount', format.count)} heists expected, `,
            `P(at least one) ${format.percent(value(total, 'probabilityAtLeastOne'))}${totalInterval('probabilityAtLeastOne', format.percent)}, `,
            `expected loss ${format.usd(value(total, 'expectedLoss'))}${totalInterval('expectedLoss', format.usd)}. `,
            `Model ${heatmap.modelVersion}, data version ${heatmap.dataVersion}, snapshot #${heatmap.snapshotId}.`,
        ),
    );
    const head = el('tr', {}, el('th', {scope: 'col'}, 'sector \\ region'));
    for (const region of heatmap.regions) {
        head.append(el('th', {scope: 'col', title: region.code}, region.name));
    }
    const body = el('tbody');
    for (const sector of heatmap.sectors) {
        const row = el('tr', {}, el('th', {scope: 'row', title: sector.code}, sector.name));
        for (const region of heatmap.regions) {
            const cell = cells.get(`${sector.code}|${region.code}`);
            const td = el('td');
            if (cell) {
                const shown = value(cell, measure);
                const interval = intervalOf(cell, measure);
                td.append(show.format(shown));
                if (interval && showIntervals) {
                    td.append(el('span', {class: 'interval'}, describeInterval(interval, show.format)));
                }
                const described = (name, fmt) => {
                    const i = intervalOf(cell, name);
                    return `${fmt(value(cell, name))}${i ? ` ${describeInterval(i, fmt)}` : ''}`;
                };
                td.title =
                    `${sector.name} in ${region.name}: ${described('expectedCount', format.count)} heists expected, ` +
                    `P(at least one) ${described('probabilityAtLeastOne', format.percent)}, ` +
                    `expected loss ${described('expectedLoss', format.usd)}`;
                // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy
                const shade = heatShade(largest > 0 ? shown / largest : 0);
                td.style.backgroundColor = shade.background;
                td.style.color = shade.color;
            } else {
                td.textContent = '–';
            }
            row.append(td);
        }
        body.append(row);
    }
    const caption = withIntervals
        ? `Each cell: ${show.label}${showIntervals ? ', with its interval below' : ' (intervals in each cell\'s tooltip, or tick "Show intervals")'}`
        : `Each cell: ${show.label} (the served heatmap carries no intervals for this measure)`;
    content.append(
        // focusable, so that keyboard users can scroll a table wider than the screen
        el(
            'div',
            {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Heatmap table'},
            el('table', {class: 'heatmap'}, el('caption', {}, caption), el('thead', {}, head), body),
        ),
    );
}

// --- (b) sanctions and heists timeline ----------------------------------------------------------------------------

export function renderTimeline(content, timeline) {
    const panel = content.closest('.panel');
    const buckets = timeline.buckets;
    const heists = buckets.reduce((sum, bucket) => sum + bucket.heists, 0);
    const realised = buckets.reduce((sum, bucket) => sum + bucket.realisedUsd, 0);
    const attempted = buckets.reduce((sum, bucket) => sum + bucket.attemptedUsd, 0);
    const sanctions = buckets.flatMap((bucket) => bucket.sanctions);
    panel.dataset.heists = String(heists);
    panel.dataset.sanctions = String(sanctions.length);
    panel.dataset.buckets = String(buckets.length);

    content.append(
        el(
            'p',
            {class: 'summary'},
            `${heists} heists from ${timeline.from} to ${timeline.to}, ${format.usd(realised)} realised of ` +
                `${format.usd(attempted)} attempted; ${sanctions.length} sanctions events marked (▲, height = severity).`,
        ),
    );
    chart(content, {
        data: {
            labels: buckets.map((bucket) => bucket.label),
            datasets: [
                {type: 'bar', label: 'heists', data: buckets.map((bucket) => bucket.heists), yAxisID: 'count', backgroundColor: '#1f5fbf'},
                {
                    type: 'line',
                    label: 'realised USD',
                    data: buckets.map((bucket) => bucket.realisedUsd),
                    yAxisID: 'usd',
                    borderColor: '#b42318',
                    backgroundColor: '#b42318',
                    pointRadius: 0,
                    tension: 0,
                },
                {
                    type: 'line',
                    label: 'sanctions (max severity)',
                    data: buckets.map((bucket) => (bucket.sanctions.length ? Math.max(...bucket.sanctions.map((s) => s.severity)) : null)),
                    yAxisID: 'severity',
                    showLine: false,
                    pointStyle: 'triangle',
                    pointRadius: 7,
                    borderColor: '#9a6700',
                    backgroundColor: '#e0a526',
                },
            ],
        },
        options: {
            interaction: {mode: 'index', intersect: false},
            scales: {
                count: {type: 'linear', position: 'left', beginAtZero: true, title: {display: true, text: 'heists'}, ticks: {precision: 0}},
                usd: {type: 'linear', position: 'right', beginAtZero: true, grid: {drawOnChartArea: false}, ticks: {callback: (v) => format.usd(v)}},
                severity: {type: 'linear', display: false, min: 0, max: 6},
            },
            plugins: {
                tooltip: {
                    callbacks: {
                        afterBody(items) {
                            const bucket = buckets[items[0].dataIndex];
                            return bucket.sanctions.map((s) => `${s.date} ${s.key} (${s.authority}, severity ${s.severity}, ${s.direction})`);
                        },
                    },
                },
            },
        },
    });
    content.append(
        el(
            'details',
            {},
            el('summary', {}, `The ${sanctions.length} sanctions events`),
            el('ul', {class: 'sanction-list'}, sanctions.map((s) => el('li', {}, `${s.date} ${s.key}: ${s.title} (severity ${s.severity})`))),
        ),
    );
}

// --- (c) intensity curve -------------------------------------------------------------------------------------------

function nearestIndex(points, date) {
    let best = 0;
    const target = Date.parse(date);
    for (let i = 0; i < points.length; i++) {
        if (Math.abs(Date.parse(points[i].date) - target) < Math.abs(Date.parse(points[best].date) - target)) {
            best = i;
        }
    }
    return best;
}

function markers(points, items) {
    const values = points.map(() => null);
    const labels = points.map(() => []);
    for (const item of items) {
        const i = nearestIndex(points, item.date);
        values[i] = pointOf(points[i], 'total');
        labels[i].push(`${item.date} ${item.key}`);
    }
    return {values, labels};
}

export function renderIntensity(content, intensity) {
    const panel = content.closest('.panel');
    const points = intensity.points;
    const sanctions = intensity.sanctions || [];
    const heists = intensity.heists || [];
    panel.dataset.points = String(points.length);
    panel.dataset.sanctions = String(sanctions.length);
    const peak = points.reduce((best, point) => (pointOf(point, 'total') > pointOf(best, 'total') ? point : best), points[0] || {total: 0});
    content.append(
        el(
            'p',
            {class: 'summary'},
            `${intensity.unit} from ${intensity.from} to ${intensity.to}, every ${intensity.stepDays} days (${points.length} points); ` +
                `peak ${format.rate(pointOf(peak, 'total') ?? 0)} on ${peak.date}. ${sanctions.length} sanctions (▲) and ${heists.length} heists (●) marked. ` +
                `Snapshot #${intensity.snapshotId}, model ${intensity.modelVersion}, data version ${intensity.dataVersion}.`,
        ),
    );
    if (!points.length) {
        return;
    }
    const sanctionMarks = markers(points, sanctions);
    const heistMarks = markers(points, heists);
    const line = (label, key, color, extra = {}) => ({
        type: 'line',
        label,
        data: points.map((point) => pointOf(point, key)),
        borderColor: color,
        backgroundColor: color,
        pointRadius: 0,
        borderWidth: 1.5,
        ...extra,
    });
    const band = points.map((point) => intervalOf(point, 'total'));
    const banded = band.filter(Boolean).length;
    panel.dataset.band = String(banded);
    if (banded) {
        const level = band.find(Boolean).level;
        content.querySelector('.summary').append(
            ` The shaded band is the ${level ? `${Math.round(level * 100)}% ` : ''}interval of λ(t) from parameter uncertainty.`,
        );
    }
    const bandSets = banded
        ? [
              {
                  type: 'line',
                  label: 'λ(t) interval, lower',
                  data: band.map((interval) => (interval ? interval.lower : null)),
                  borderColor: 'rgba(29, 35, 48, 0.25)',
                  backgroundColor: 'rgba(29, 35, 48, 0.12)',
                  pointRadius: 0,
                  borderWidth: 1,
                  fill: false,
              },
              {
                  type: 'line',
                  label: 'λ(t) interval, upper',
                  data: band.map((interval) => (interval ? interval.upper : null)),
                  borderColor: 'rgba(29, 35, 48, 0.25)',
                  backgroundColor: 'rgba(29, 35, 48, 0.12)',
                  pointRadius: 0,
                  borderWidth: 1,
                  fill: '-1',
              },
          ]
        : [];
    chart(content, {
        data: {
            labels: points.map((point) => point.date),
            datasets: [
                ...bandSets,
                line('λ(t) total', 'total', '#1d2330', {borderWidth: 2.5}),
                line('baseline μ', 'baseline', '#17703a'),
                line('sanctions pressure', 'sanctions', '#b42318'),
                line('self-excitation', 'selfExcitation', '#1f5fbf'),
                {
                    type: 'line',
                    label: 'sanctions',
                    data: sanctionMarks.values,
                    showLine: false,
                    pointStyle: 'triangle',
                    pointRadius: 7,
                    borderColor: '#9a6700',
                    backgroundColor: '#e0a526',
                },
                {
                    type: 'line',
                    label: 'heists',
                    data: heistMarks.values,
                    showLine: false,
                    pointStyle: 'circle',
                    pointRadius: 4,
                    borderColor: '#1d2330',
                    backgroundColor: '#ffffff',
                },
            ],
        },
        options: {
            interaction: {mode: 'index', intersect: false},
            scales: {
                x: {ticks: {maxTicksLimit: 14}},
                y: {beginAtZero: true, title: {display: true, text: intensity.unit}},
            },
            plugins: {
                tooltip: {
                    callbacks: {
                        afterBody(items) {
                            const i = items[0].dataIndex;
                            return [...sanctionMarks.labels[i].map((l) => `sanction ${l}`), ...heistMarks.labels[i].map((l) => `heist ${l}`)];
                        },
                    },
                },
            },
        },
    });
}
