package dev.legalgen.remote;

import dev.legalgen.provider.SharedLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the processes of remote partitioning (the manager, whose backfill calls providers too, and its workers), the
 * providers' limiters share their limits through the database, among all of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "'${legalgen.job.partitioning:local}'.equalsIgnoreCase('remote') or ${legalgen.remote.worker:false}")
class SharedLimitsConfiguration {

    @Bean
    SharedLimits databaseLimits(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new DatabaseLimits(jdbc, new TransactionTemplate(transactionManager));
    }
}
