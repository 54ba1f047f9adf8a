package dev.legalgen.remote;

import dev.legalgen.chain.ChainSettings;
import dev.legalgen.chain.SharedRouteHealth;
import dev.legalgen.provider.SharedLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the processes of remote partitioning (the manager, whose preflight and backfill call providers too, and its
 * workers), the providers' limiters share their limits, and each run's chains their route health, through the
 * database, among all of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "'${legalgen.job.partitioning:local}'.equalsIgnoreCase('remote') or ${legalgen.remote.worker:false}")
class SharedLimitsConfiguration {

    @Bean
    SharedLimits databaseLimits(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new DatabaseLimits(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    SharedRouteHealth databaseRouteHealth(JdbcTemplate jdbc, ChainSettings chain, RemoteSettings remote) {
        return new DatabaseRouteHealth(
                jdbc, WorkerIdentity.ofThisProcess(), chain.breakerCooldown(), remote.pollInterval());
    }
}
