package io.firecheck.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of PostgreSQL that a test can cut: REFUSED (the port is closed and open connections
 * are reset, as when the database is down) or BLACK_HOLE (connections are accepted and bytes are read, but
 * nothing is forwarded or answered, as when packets are silently dropped). {@link #restore()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {
    public enum Mode { FORWARD, REFUSED, BLACK_HOLE }

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    public int port() {
        return port;
    }

    public synchronized void refuse() throws IOException {
        mode = Mode.REFUSED;
        server.close();
        closeAll();
    }

    /** Open connections go silent too: what they send is swallowed and nothing comes back. */
    public synchronized void blackHole() throws IOException {
        restore();
        mode = Mode.BLACK_HOLE;
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = listen(port);
            acceptLoop(server);
        }
        // connections from before the fault stay dead, as after a real outage
        closeAll();
        mode = Mode.FORWARD;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return s;
    }

    private void acceptLoop(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    open.add(client);
                    if (mode == Mode.BLACK_HOLE) {
                        pump(client.getInputStream(), null, client);
                    } else {
                        Socket upstream = new Socket(targetHost, targetPort);
                        open.add(upstream);
                        pump(client.getInputStream(), upstream.getOutputStream(), client);
                        pump(upstream.getInputStream(), client.getOutputStream(), upstream);
                    }
                } catch (IOException e) {
                    // closed by refuse() or close()
                }
            }
        }, "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** Copies bytes while forwarding; swallows them while black-holed (and always when out is null). */
    private void pump(InputStream in, OutputStream out, Socket owner) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (out != null && mode == Mode.FORWARD) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the other side or the test closed it
            } finally {
                close(owner);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        open.forEach(TcpProxy::close);
        open.clear();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }
}
