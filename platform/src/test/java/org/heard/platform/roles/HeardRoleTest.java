package org.heard.platform.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class HeardRoleTest {

    @Test
    void playsEveryRoleWhenNoneIsConfigured() {
        assertThat(HeardRole.enabledIn(new MockEnvironment())).isEqualTo(EnumSet.allOf(HeardRole.class));
    }

    @Test
    void playsOnlyTheConfiguredRoles() {
        var environment = new MockEnvironment().withProperty("heard.roles", " triage , desk");

        assertThat(HeardRole.enabledIn(environment)).containsExactlyInAnyOrder(HeardRole.TRIAGE, HeardRole.DESK);
    }

    @Test
    void namesTheUnknownRoleInsteadOfIgnoringIt() {
        var environment = new MockEnvironment().withProperty("heard.roles", "ingest,tirage");

        assertThatThrownBy(() -> HeardRole.enabledIn(environment)).hasMessageContaining("tirage");
    }

    @Test
    void switchesBeansByRole() {
        var runner = new ApplicationContextRunner().withUserConfiguration(RoleBeans.class);

        runner.withPropertyValues("heard.roles=ingest").run(context -> {
            assertThat(context).hasBean("intake");
            assertThat(context).doesNotHaveBean("tagger");
        });
        runner.run(context -> assertThat(context).hasBean("intake").hasBean("tagger"));
    }

    @Configuration(proxyBeanMethods = false)
    static class RoleBeans {
        @Bean
        @ConditionalOnRole(HeardRole.INGEST)
        String intake() {
            return "intake";
        }

        @Bean
        @ConditionalOnRole(HeardRole.TRIAGE)
        String tagger() {
            return "tagger";
        }
    }
}
