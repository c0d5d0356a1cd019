package io.sanctionsrisk.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FairQueueTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aFreedSlotGoesToTheNextClientInTurnNotToTheOldestWaiter() throws Exception {
        FairQueue queue = new FairQueue(1, 100, vertx);
        Context context = vertx.getOrCreateContext();
        List<String> clients = List.of("greedy", "greedy", "greedy", "greedy", "greedy", "patient");
        List<Integer> granted = new CopyOnWriteArrayList<>();
        List<FairQueue.Ticket> tickets = new ArrayList<>();
        // the greedy client takes the slot and queues four more before the patient client asks once
        for (int i = 0; i < clients.size(); i++) {
            int index = i;
            tickets.add(queue.acquire(clients.get(i), context, 60_000, outcome -> {
                if (outcome == FairQueue.Outcome.GRANTED) {
                    granted.add(index);
                }
            }));
        }
        for (int released = 0; released < clients.size(); released++) {
            awaitGrants(granted, released + 1);
            tickets.get(granted.get(released)).release();
        }
        assertEquals(
                List.of("greedy", "patient", "greedy", "greedy", "greedy", "greedy"),
                granted.stream().map(clients::get).toList());
        assertEquals(0, queue.inUse());
    }

    @Test
    void aFullQueueAndAWaitTooLongAreRefused() throws Exception {
        FairQueue queue = new FairQueue(1, 1, vertx);
        Context context = vertx.getOrCreateContext();
        queue.acquire("a", context, 60_000, outcome -> {});
        CompletableFuture<FairQueue.Outcome> waiting = new CompletableFuture<>();
        queue.acquire("b", context, 50, waiting::complete);
        CompletableFuture<FairQueue.Outcome> overflow = new CompletableFuture<>();
        queue.acquire("c", context, 60_000, overflow::complete);
        assertEquals(FairQueue.Outcome.QUEUE_FULL, overflow.get(10, TimeUnit.SECONDS));
        assertEquals(FairQueue.Outcome.TIMED_OUT, waiting.get(10, TimeUnit.SECONDS));
        assertEquals(0, queue.waiting());
        assertEquals(1, queue.inUse());
    }

    private static void awaitGrants(List<Integer> granted, int count) throws InterruptedException {
        for (int i = 0; i < 1000 && granted.size() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, granted.size(), "grants so far");
    }
}
