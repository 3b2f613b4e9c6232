package vn.sohoa.app.intake;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** An office's FTP server for the capture tests: Apache FtpServer on 127.0.0.1, user scanner, rooted at a folder. */
public final class FtpStandIn implements AutoCloseable {

    private final FtpServer server;
    private final int port;

    private FtpStandIn(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static FtpStandIn start(Path root) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        var users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName("scanner");
        user.setPassword("secret");
        user.setHomeDirectory(root.toString());
        user.setAuthorities(List.of(new WritePermission()));
        users.save(user);
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        return new FtpStandIn(server, port);
    }

    /** The Camel URI SoHoa fetches from ({@code sohoa.capture.ftp.uri}). */
    public String uri() {
        return "ftp://scanner@127.0.0.1:" + port + "/?password=secret";
    }

    @Override
    public void close() {
        server.stop();
    }
}
