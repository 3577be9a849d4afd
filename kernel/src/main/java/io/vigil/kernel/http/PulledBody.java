package io.vigil.kernel.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A response body pulled from a blocking {@link Source} (a clip's segments, a package's files) as a reactive publisher
 * for one subscriber, the HTTP response: each part is read on
 * {@code reader}, where blocking is allowed, one at a time and only while the subscriber has asked for more, and
 * handed on on {@code writer}, the thread that writes the response and cancels it when the client goes (the
 * connection's event loop). There, just before a part is handed on, the cancel is checked: a part read while the
 * client left is released, never handed to a response that is gone. (Handed on from the reading thread, such a part
 * reaches Micronaut's server after it dropped the response: it throws {@code IllegalStateException: onNext before
 * request?} on the event loop and never releases the part. Reactor's {@code publishOn} does not serve here either: a
 * cancel that finds a delivery scheduled disposes it and leaves the part it held unreleased.) Completion, failure and
 * cancel close the stream.
 */
public final class PulledBody implements Publisher<ByteBuf> {

    /** Where the parts come from, one at a time, blocking allowed. */
    public interface Source {
        /** The next part, which the taker releases, or null after the last. */
        ByteBuf nextPart() throws IOException;

        /** Stops: releases what is read ahead; called at the end, on failure and on cancel, maybe more than once. */
        void close();
    }

    private final Source stream;
    private final Executor reader;
    private final Executor writer;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    /**
     * @param reader where parts are read (blocking allowed)
     * @param writer where they are handed on: the thread that writes the response and sees its client go
     *     ({@link ResponseThread#of})
     */
    public PulledBody(Source stream, Executor reader, Executor writer) {
        this.stream = stream;
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuf> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            subscriber.onError(new IllegalStateException("a pulled body can be read once"));
            return;
        }
        subscriber.onSubscribe(new Delivery(subscriber));
    }

    /** The one subscription: its state changes under its lock; signals go out on the writer, one at a time. */
    private final class Delivery implements Subscription {
        private final Subscriber<? super ByteBuf> subscriber;
        private long demand;
        private boolean reading;
        private boolean done;
        private volatile boolean cancelled;

        Delivery(Subscriber<? super ByteBuf> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                onWriter(
                        () -> subscriber.onError(new IllegalArgumentException("request(" + n + "): must be positive")));
                return;
            }
            synchronized (this) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            readNextIfWanted();
        }

        /** Takes effect at once, on the caller's thread (the event loop): no part is handed on after it. */
        @Override
        public void cancel() {
            cancelled = true;
            stream.close();
        }

        private void readNextIfWanted() {
            synchronized (this) {
                if (done || cancelled || reading || demand == 0) {
                    return;
                }
                reading = true;
            }
            try {
                reader.execute(this::read);
            } catch (RejectedExecutionException e) {
                handOn(null, e);
            }
        }

        /** On the reader: the next part, or the end, or the failure, handed to the writer. */
        private void read() {
            ByteBuf part = null;
            Throwable failure = null;
            try {
                part = cancelled ? null : stream.nextPart();
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            ByteBuf read = part;
            Throwable failed = failure;
            if (!onWriter(() -> handOn(read, failed))) {
                ReferenceCountUtil.safeRelease(read);
            }
        }

        /** On the writer: hands a part on unless the subscriber cancelled meanwhile, then reads on. */
        private void handOn(ByteBuf part, Throwable failure) {
            synchronized (this) {
                reading = false;
                if (done || cancelled) {
                    done = true;
                    ReferenceCountUtil.safeRelease(part);
                    return;
                }
                if (failure != null || part == null) {
                    done = true;
                } else {
                    demand--;
                }
            }
            if (failure != null) {
                stream.close();
                subscriber.onError(failure);
            } else if (part == null) {
                stream.close();
                subscriber.onComplete();
            } else {
                subscriber.onNext(part);
                readNextIfWanted();
            }
        }

        /** Runs {@code signal} on the writer; false if the writer refused it (shut down). */
        private boolean onWriter(Runnable signal) {
            try {
                writer.execute(signal);
                return true;
            } catch (RejectedExecutionException e) {
                cancel();
                return false;
            }
        }
    }
}
