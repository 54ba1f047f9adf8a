package dev.legalgen.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * Puts the bearer token check in front of the API (not the actuator endpoints, which are read-only), and reads
 * request bodies strictly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ApiSettings settings;

    ApiWebConfiguration(ApiSettings settings) {
        this.settings = settings;
    }

    /** A fraction where a whole number belongs is refused ("target_count must be a whole number"), not cut to one. */
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersOnly() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerTokenInterceptor(settings)).addPathPatterns("/api/**");
    }
}
