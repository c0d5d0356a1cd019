package io.sanctionsrisk.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * The slots of one backend's connection pool, handed out fairly: when every slot is taken, waiting requests queue per
 * client, and a freed slot goes to the waiting client that holds the fewest slots now (of those, the one served
 * longest ago), not to the oldest waiter. A client with many stalled requests therefore waits behind its own
 * requests, not in front of everybody else's. Thread-safe; outcomes are delivered on the waiting request's own
 * context.
 */
final class FairQueue {

    enum Outcome {
        GRANTED,
        QUEUE_FULL,
        TIMED_OUT
    }

    private final int slots;
    private final int maxWaiting;
    private final Vertx vertx;
    private final LinkedHashMap<String, ArrayDeque<Ticket>> waiting = new LinkedHashMap<>();
    /** Per client with slots or waiters: slots held, and the sequence number of its last grant. */
    private final HashMap<String, long[]> clients = new HashMap<>();

    private long grants;
    private int inUse;
    private int waitingCount;

    FairQueue(int slots, int maxWaiting, Vertx vertx) {
        this.slots = slots;
        this.maxWaiting = maxWaiting;
        this.vertx = vertx;
    }

    /** A request's claim on a slot; {@link #release()} it exactly once when the request is over, whatever happened. */
    final class Ticket {
        private final String client;
        private final Context context;
        private final Consumer<Outcome> outcome;
        private long timer = -1;
        private boolean granted;
        private boolean over;

        private Ticket(String client, Context context, Consumer<Outcome> outcome) {
            this.client = client;
            this.context = context;
            this.outcome = outcome;
        }

        /** Gives the slot back, or leaves the queue. */
        void release() {
            Ticket next;
            synchronized (FairQueue.this) {
                if (over) {
                    return;
                }
                over = true;
                if (!granted) {
                    withdraw(this);
                    return;
                }
                inUse--;
                long[] own = clients.get(client);
                if (own != null && --own[0] <= 0 && !waiting.containsKey(client)) {
                    clients.remove(client);
                }
                next = nextWaiter();
            }
            grant(next);
        }
    }

    /** Asks for a slot for the client; the outcome arrives on {@code context} (at once when a slot is free). */
    Ticket acquire(String client, Context context, long timeoutMillis, Consumer<Outcome> outcome) {
        Ticket ticket = new Ticket(client, context, outcome);
        Outcome now;
        synchronized (this) {
            if (inUse < slots) {
                inUse++;
                served(ticket);
                now = Outcome.GRANTED;
            } else if (waitingCount >= maxWaiting) {
                ticket.over = true;
                now = Outcome.QUEUE_FULL;
            } else {
                waiting.computeIfAbsent(client, c -> new ArrayDeque<>()).add(ticket);
                clients.computeIfAbsent(client, c -> new long[2]);
                waitingCount++;
                ticket.timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> timedOut(ticket));
                return ticket;
            }
        }
        outcome.accept(now);
        return ticket;
    }

    synchronized int inUse() {
        return inUse;
    }

    synchronized int waiting() {
        return waitingCount;
    }

    private void timedOut(Ticket ticket) {
        synchronized (this) {
            if (ticket.over || ticket.granted) {
                return;
            }
            ticket.over = true;
            withdraw(ticket);
        }
        ticket.context.runOnContext(ignored -> ticket.outcome.accept(Outcome.TIMED_OUT));
    }

    /** The first waiter of the client whose turn it is, now holding the freed slot; null when nobody waits. */
    private Ticket nextWaiter() {
        String turn = null;
        long[] best = null;
        for (String client : waiting.keySet()) {
            long[] own = clients.get(client);
            if (best == null || own[0] < best[0] || own[0] == best[0] && own[1] < best[1]) {
                turn = client;
                best = own;
            }
        }
        if (turn == null) {
            return null;
        }
        ArrayDeque<Ticket> queue = waiting.get(turn);
        Ticket next = queue.poll();
        if (queue.isEmpty()) {
            waiting.remove(turn);
        }
        waitingCount--;
        inUse++;
        served(next);
        return next;
    }

    private void served(Ticket ticket) {
        ticket.granted = true;
        long[] own = clients.computeIfAbsent(ticket.client, c -> new long[2]);
        own[0]++;
        own[1] = ++grants;
    }

    private void withdraw(Ticket ticket) {
        ArrayDeque<Ticket> queue = waiting.get(ticket.client);
        if (queue != null && queue.remove(ticket)) {
            waitingCount--;
            if (queue.isEmpty()) {
                waiting.remove(ticket.client);
                long[] own = clients.get(ticket.client);
                if (own != null && own[0] <= 0) {
                    clients.remove(ticket.client);
                }
            }
        }
    }

    private void grant(Ticket ticket) {
        if (ticket == null) {
            return;
        }
        if (ticket.timer >= 0) {
            vertx.cancelTimer(ticket.timer);
        }
        ticket.context.runOnContext(ignored -> ticket.outcome.accept(Outcome.GRANTED));
    }
}
