package dev.legalgen.quality.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.legalgen.LegalDatasetApplication;
import dev.legalgen.quality.dedup.DuplicateVerdict.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Claims live in the database: a process that crashed mid-run leaves the next one every claim it committed. */
class DuplicateIndexRestartIntegrationTests {

    private static final String QUESTION = "Is an oral agreement to sell a farmhouse enforceable against the seller"
            + " when the buyer has already moved in and paid for a new roof?";
    private static final String IN_FLIGHT = "Can a landlord evict a tenant for complaining to the housing inspector"
            + " about a broken furnace in January?";

    @TempDir
    Path directory;

    @Test
    void aQuestionCommittedBeforeACrashIsStillRefusedAfterTheRestart() {
        // given: a process claimed slot 0's question, then died (H2's SHUTDOWN IMMEDIATELY: no clean-up, as a
        // kill -9 or a power cut) while slot 1's claim was in flight
        String database = "jdbc:h2:file:" + directory.resolve("legalgen") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (ConfigurableApplicationContext crashed = start(database)) {
            assertThat(claim(crashed, new DuplicateKey("legal-qa", 1, 0), QUESTION)
                            .kind())
                    .isEqualTo(Kind.UNIQUE);
            assertThatThrownBy(() -> ownTransaction(crashed).executeWithoutResult(status -> {
                        crashed.getBean(DuplicateIndex.class).claim(new DuplicateKey("legal-qa", 1, 1), IN_FLIGHT);
                        crashed.getBean(JdbcTemplate.class).execute("SHUTDOWN IMMEDIATELY");
                    }))
                    .isInstanceOf(DataAccessException.class);
        }

        // when
        DuplicateVerdict repeat;
        DuplicateVerdict lostInFlight;
        DuplicateVerdict ownClaim;
        try (ConfigurableApplicationContext restarted = start(database)) {
            repeat = claim(restarted, new DuplicateKey("legal-qa", 1, 7), QUESTION);
            lostInFlight = claim(restarted, new DuplicateKey("legal-qa", 1, 8), IN_FLIGHT);
            ownClaim = claim(restarted, new DuplicateKey("legal-qa", 1, 0), QUESTION);
        }

        // then: the committed claim refuses its repeat; the one in flight went with its transaction
        assertThat(repeat.kind()).isEqualTo(Kind.EXACT);
        assertThat(repeat.earlier()).isEqualTo(new DuplicateKey("legal-qa", 1, 0));
        assertThat(lostInFlight.kind()).isEqualTo(Kind.UNIQUE);
        assertThat(ownClaim.kind()).isEqualTo(Kind.UNIQUE);
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(LegalDatasetApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database);
    }

    private static DuplicateVerdict claim(ConfigurableApplicationContext context, DuplicateKey key, String question) {
        context.getBean(DuplicateIndex.class).open(key.dataset());
        return ownTransaction(context)
                .execute(status -> context.getBean(DuplicateIndex.class).claim(key, question));
    }

    private static TransactionTemplate ownTransaction(ConfigurableApplicationContext context) {
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transaction;
    }
}
