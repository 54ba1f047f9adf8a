package dev.legalgen.remote;

import dev.legalgen.provider.SharedPace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the processes of remote partitioning (the manager, whose backfill calls providers too, and its workers), the
 * providers' limiters space their calls' starts through the database, among all of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "'${legalgen.job.partitioning:local}'.equalsIgnoreCase('remote') or ${legalgen.remote.worker:false}")
class SharedLimitsConfiguration {

    @Bean
    SharedPace databasePace(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new DatabasePace(jdbc, new TransactionTemplate(transactionManager));
    }
}
