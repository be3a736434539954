package io.licenseflow.testing.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Many Server-Sent Event streams held by a few threads: plain HTTP/1.1 over non-blocking sockets, reading only what
 * the benchmark needs (each stream's ready event, and the change each data line is of). A general-purpose client spends
 * more per stream than the server does, and on two cores would measure itself.
 */
final class SseLoad implements AutoCloseable {

    private static final byte[] READY = "event: ready".getBytes(StandardCharsets.US_ASCII);

    private final byte[] marker;
    private final List<Selector> selectors = new ArrayList<>();
    /** Per selector, the channels its thread is to register (registering from another thread waits for its select). */
    private final List<Queue<SocketChannel>> pending = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean running = true;

    /** One stream's read state: how far each match has got, and the change number being read (-1: none). */
    private static final class Stream {
        final ByteBuffer request;
        int readyMatch;
        int markerMatch;
        int number = -1;

        Stream(ByteBuffer request) {
            this.request = request;
        }
    }

    /**
     * Opens {@code count} streams of {@code url}; {@code onChangeAt} gets, on a reading thread, the nanoTime of the read
     * that completed each change's number (the digits after {@code marker}).
     */
    SseLoad(URI url, String token, int count, int threadCount, String marker, ObjIntConsumer<Long> onChangeAt) throws IOException {
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
        String request = "GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()) + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n";
        byte[] requestBytes = request.getBytes(StandardCharsets.US_ASCII);
        for (int t = 0; t < threadCount; t++) {
            selectors.add(Selector.open());
            pending.add(new ConcurrentLinkedQueue<>());
        }
        for (int t = 0; t < threadCount; t++) {
            Selector selector = selectors.get(t);
            Queue<SocketChannel> toRegister = pending.get(t);
            threads.add(Thread.ofPlatform().name("sse-load-" + t).daemon().start(() -> loop(selector, toRegister, requestBytes, onChangeAt)));
        }
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(new InetSocketAddress(url.getHost(), url.getPort()));
            pending.get(i % threadCount).add(channel);
            selectors.get(i % threadCount).wakeup();
        }
    }

    int ready() {
        return ready.get();
    }

    int closed() {
        return closed.get();
    }

    private void loop(Selector selector, Queue<SocketChannel> toRegister, byte[] requestBytes, ObjIntConsumer<Long> onChangeAt) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[64 * 1024];
        while (running) {
            try {
                for (SocketChannel channel; (channel = toRegister.poll()) != null; ) {
                    channel.register(selector, SelectionKey.OP_CONNECT, new Stream(ByteBuffer.wrap(requestBytes)));
                }
                selector.select(100);
                long now = System.nanoTime();
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    SocketChannel channel = (SocketChannel) key.channel();
                    Stream stream = (Stream) key.attachment();
                    try {
                        if (key.isConnectable() && channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            channel.write(stream.request);
                            if (!stream.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isValid() && key.isReadable()) {
                            buffer.clear();
                            int n = channel.read(buffer);
                            if (n < 0) {
                                closed.incrementAndGet();
                                key.cancel();
                                channel.close();
                                continue;
                            }
                            buffer.flip();
                            buffer.get(bytes, 0, n);
                            read(stream, bytes, n, now, onChangeAt);
                        }
                    } catch (IOException broken) {
                        closed.incrementAndGet();
                        key.cancel();
                        channel.close();
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Scans what arrived for the ready event and for the change marker followed by a change number, keeping only how
     * far each match has got (a marker may be split between reads).
     */
    private void read(Stream stream, byte[] bytes, int n, long now, ObjIntConsumer<Long> onChangeAt) {
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            stream.readyMatch = b == READY[stream.readyMatch] ? stream.readyMatch + 1 : (b == READY[0] ? 1 : 0);
            if (stream.readyMatch == READY.length) {
                ready.incrementAndGet();
                stream.readyMatch = 0;
            }
            if (stream.number >= 0) {
                if (b >= '0' && b <= '9') {
                    stream.number = stream.number * 10 + (b - '0');
                    continue;
                }
                onChangeAt.accept(now, stream.number);
                stream.number = -1;
            }
            stream.markerMatch = b == marker[stream.markerMatch] ? stream.markerMatch + 1 : (b == marker[0] ? 1 : 0);
            if (stream.markerMatch == marker.length) {
                stream.number = 0;
                stream.markerMatch = 0;
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        for (Selector selector : selectors) {
            selector.wakeup();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Selector selector : selectors) {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }
}
