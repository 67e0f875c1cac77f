package com.audiostems.app.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay to an S3 server that can answer a burst of {@code 503 SlowDown}, as S3 does when a
 * prefix is asked too fast. Toxiproxy works on TCP and cannot forge an HTTP answer, so this relay
 * sits behind it: in normal times it copies bytes both ways untouched; during a burst it drops the
 * connections it relays (kept-alive ones would otherwise never see the burst) and answers every
 * request on a new connection with S3's own 503 SlowDown error document, then closes.
 */
final class SlowDownRelay implements AutoCloseable {
  private static final byte[] SLOW_DOWN_BODY =
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
              + "<Message>Please reduce your request rate.</Message>"
              + "<RequestId>fault-test</RequestId></Error>")
          .getBytes(StandardCharsets.UTF_8);

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final AtomicBoolean slowDown = new AtomicBoolean();
  private final AtomicLong slowDownsAnswered = new AtomicLong();
  private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();

  SlowDownRelay(InetSocketAddress upstream) throws IOException {
    this.upstream = upstream;
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("slowdown-relay").start(this::acceptLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
  }

  /** From now on every request is answered 503 SlowDown; open relays are dropped. */
  void startBurst() {
    slowDown.set(true);
    for (Socket socket : relayed) {
      closeQuietly(socket);
    }
  }

  void endBurst() {
    slowDown.set(false);
  }

  long slowDownsAnswered() {
    return slowDownsAnswered.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofPlatform().daemon().start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    if (slowDown.get()) {
      answerSlowDown(client);
      return;
    }
    try {
      Socket server = new Socket(upstream.getAddress(), upstream.getPort());
      relayed.add(client);
      relayed.add(server);
      Thread.ofPlatform().daemon().start(() -> pipe(server, client));
      pipe(client, server);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  /** Copies until either side ends, then closes both. */
  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ended) {
      // one side closed or was dropped: the other goes too
    } finally {
      relayed.remove(from);
      relayed.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void answerSlowDown(Socket client) {
    try (client) {
      client.setSoTimeout(2_000);
      readRequestHead(client.getInputStream());
      OutputStream out = client.getOutputStream();
      out.write(
          ("HTTP/1.1 503 Slow Down\r\n"
                  + "Content-Type: application/xml\r\n"
                  + "Content-Length: "
                  + SLOW_DOWN_BODY.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(SLOW_DOWN_BODY);
      out.flush();
      slowDownsAnswered.incrementAndGet();
      client.shutdownOutput();
      // Let the client read the answer before the close: drain whatever body it still sends.
      client.getInputStream().skip(Long.MAX_VALUE);
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // the client gave up or we drained enough
    } catch (IOException e) {
      // nothing to do: the client sees a reset, another fault it must survive
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    relayed.forEach(SlowDownRelay::closeQuietly);
  }
}
