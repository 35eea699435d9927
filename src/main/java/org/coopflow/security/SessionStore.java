package org.coopflow.security;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import java.lang.reflect.UndeclaredThrowableException;

import org.coopflow.shared.TransientRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in the database (Spring Session JDBC, tables from db/security), so that a person signed
 * in on one coopflow node is signed in on every node: coopflow's pages, and Camunda's webapps, whose
 * sign-in {@link CamundaWebFilters} keeps in the same session. Spring Session's filter runs before Spring
 * Security's and Camunda's (its order is {@code Integer.MIN_VALUE + 50}, theirs -100 and later), so they
 * all see the shared session; the cookie keeps the name JSESSIONID (application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	/**
	 * Tasklist and Cockpit fire several requests at once; when two of them add the same attribute to a
	 * session, Spring Session's plain INSERT would fail the second with a duplicate key. An upsert lets
	 * the later write win, as it would in memory.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource) {
		String product = databaseProduct(dataSource);
		return repository -> {
			if (product.contains("mysql") || product.contains("mariadb")) {
				repository.setCreateSessionAttributeQuery("""
						INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
						VALUES (?, ?, ?)
						ON DUPLICATE KEY UPDATE ATTRIBUTE_BYTES = VALUES(ATTRIBUTE_BYTES)""");
			}
			else if (product.contains("h2")) {
				repository.setCreateSessionAttributeQuery("""
						MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
						KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""");
			}
		};
	}

	/**
	 * A session is read when a request comes in and saved when its response is committed, after the
	 * controller's own transaction: when a database node died just then (the fault test's Galera kill), the
	 * read or save met the broken connection and the person got an error for a page that was already made.
	 * It runs again on a fresh connection instead ({@link TransientRetry}), in a transaction of its own as
	 * Spring Session's default template does.
	 *
	 * <p>Again even when the link broke during COMMIT, where nobody knows whether the commit landed: every
	 * statement Spring Session makes can run twice without harm (reads; updates that set the session's
	 * values; deletes; the attributes' upsert above), except the INSERT of a new session's row. That one,
	 * met again as a duplicate key on a later attempt, says the earlier attempt's commit did land, and the
	 * save is done. Spring Session takes a TransactionOperations bean of this name.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions,
			TransientRetry retry) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				int[] attempts = { 0 };
				try {
					return retry.runRepeatable(() -> {
						try {
							attempts[0]++;
							return ownTransaction.execute(action);
						}
						catch (DuplicateKeyException landedBefore) {
							if (attempts[0] == 1) {
								throw landedBefore;
							}
							log.info("A session saved again after its COMMIT broke was already there: the first commit landed");
							return null;
						}
					});
				}
				catch (RuntimeException | Error e) {
					throw e;
				}
				catch (Throwable e) {
					throw new UndeclaredThrowableException(e);
				}
			}
		};
	}

	/**
	 * Boot's own TransactionTemplate, which it leaves out once any TransactionOperations bean exists (the one
	 * above): the rest of coopflow injects this one.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	private static String databaseProduct(DataSource dataSource) {
		try {
			String name = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("Cannot tell which database the sessions are kept in", e);
		}
	}

}
