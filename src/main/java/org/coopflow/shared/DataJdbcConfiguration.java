package org.coopflow.shared;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC's mapping as Spring Boot sets it up, except that table and column names are written
 * unquoted. Quoted, an explicit {@code @Table("app_user")} keeps its lower case, which H2 (it stores the
 * Liquibase tables as {@code APP_USER}) does not find; unquoted, H2 and MariaDB both read the names the
 * way the hand-written SQL does. A column named after a reserved word would need quoting of its own.
 */
@Configuration(proxyBeanMethods = false)
class DataJdbcConfiguration {

	@Bean
	JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy, JdbcCustomConversions conversions,
			RelationalManagedTypes managedTypes) {
		JdbcMappingContext context = new JdbcMappingContext(namingStrategy.orElse(DefaultNamingStrategy.INSTANCE));
		context.setForceQuote(false);
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.setManagedTypes(managedTypes);
		return context;
	}

}
