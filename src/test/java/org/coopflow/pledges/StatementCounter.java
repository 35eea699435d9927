package org.coopflow.pledges;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends to the database, by wrapping the one DataSource that
 * coopflow and the engine share: each execute of a statement is one round trip. Only what the request
 * threads (Tomcat's) send while recording is kept, so that the job executor's polling does not count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	record Executed(String thread, String sql) {
	}

	private static final List<Executed> executed = new CopyOnWriteArrayList<>();

	private static volatile boolean recording;

	public static void start() {
		executed.clear();
		recording = true;
	}

	/** What the request threads sent since {@link #start}. */
	public static List<String> stop() {
		recording = false;
		List<String> sql = new ArrayList<>();
		for (Executed e : executed) {
			if (e.thread().contains("http-nio")) {
				sql.add(e.sql());
			}
		}
		return sql;
	}

	/**
	 * Prints the statements of {@code times} requests (or completions, as {@code per} says), each kind of
	 * statement with how many of it each sends.
	 */
	public static void print(String what, List<String> statements, int times, String per) {
		Map<String, Integer> counts = new TreeMap<>();
		statements.forEach(s -> counts.merge(s.length() > 160 ? s.substring(0, 160) : s, 1, Integer::sum));
		StringBuilder text = new StringBuilder("\n== " + what + ": " + statements.size() / (double) times
				+ " statements per " + per + " (COMMIT included)\n");
		counts.forEach((sql, count) -> text.append(String.format("%5.1f  %s%n", count / (double) times, sql)));
		System.out.println(text);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
					return wrap(DataSource.class, dataSource, (target, method, args) -> {
						Object result = invoke(target, method, args);
						return result instanceof Connection c ? wrap(Connection.class, c, StatementCounter::connection) : result;
					});
				}
				return bean;
			}
		};
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Object target, Method method, Object[] args) throws Throwable;

	}

	private static Object connection(Object target, Method method, Object[] args) throws Throwable {
		Object result = invoke(target, method, args);
		String name = method.getName();
		if (result instanceof CallableStatement s) {
			String sql = (String) args[0];
			return wrap(CallableStatement.class, s, (t, m, a) -> statement(t, m, a, sql));
		}
		if (result instanceof PreparedStatement s) {
			String sql = (String) args[0];
			return wrap(PreparedStatement.class, s, (t, m, a) -> statement(t, m, a, sql));
		}
		if (result instanceof Statement s && name.equals("createStatement")) {
			return wrap(Statement.class, s, (t, m, a) -> statement(t, m, a, null));
		}
		if (name.equals("commit") || name.equals("rollback")) {
			record(name.toUpperCase());
		}
		return result;
	}

	private static Object statement(Object target, Method method, Object[] args, String prepared) throws Throwable {
		if (method.getName().startsWith("execute")) {
			record(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
		}
		return invoke(target, method, args);
	}

	private static void record(String sql) {
		if (recording) {
			executed.add(new Executed(Thread.currentThread().getName(), sql.replaceAll("\\s+", " ").trim()));
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T wrap(Class<T> type, Object target, Handler handler) {
		InvocationHandler h = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return invoke(target, method, args);
			}
			return handler.handle(target, method, args);
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, h);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

}
