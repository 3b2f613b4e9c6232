package vn.sohoa.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first, system-wide administrator from SOHOA_ADMIN_USER and SOHOA_ADMIN_PASSWORD
 * (sohoa.admin.user / sohoa.admin.password) when no account of that name exists; an existing one is left
 * as it is (its password is not reset). Nodes of a cluster that start together on one database race to create
 * it: the one that loses finds it made. It is made once every singleton is (Flyway's migration among them) and
 * before the web server opens its port, so that a script that signs in as soon as the port answers is let in.
 */
@Component
public class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final String username;
    private final String password;

    public FirstAdministrator(Accounts accounts, @Value("${sohoa.admin.user:}") String username,
                              @Value("${sohoa.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (username.isBlank()) {
            if (accounts.usernames().isEmpty()) {
                LOG.warn("no accounts and no SOHOA_ADMIN_USER / SOHOA_ADMIN_PASSWORD: nobody can sign in");
            }
            return;
        }
        if (!accounts.exists(username)) {
            try {
                accounts.create(new Accounts.NewAccount(username, password, Role.QUAN_TRI, null, true, "Quản trị hệ thống"),
                        "system:start");
                LOG.info("created the administrator {}", username);
            } catch (DuplicateKeyException e) {
                // another node of the cluster, started at the same moment on the same database, created it first
                LOG.info("the administrator {} was created by another node", username);
            }
        }
    }
}
