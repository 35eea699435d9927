import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault test's clients and its checks (ops/fault-test.sh runs it; docs/fault-test.md).
 * <p>
 * {@code load}: for a number of seconds, many clients spread over the coopflow nodes do what people
 * and systems do: donors pledge with an Idempotency-Key, officers verify pledges and conclude their
 * agreements, officers create and submit programmes, and donors signed in by form (session cookie)
 * read their pages on whichever node answers. Every failed request (an error status, a refused
 * connection, a time-out) is repeated with the same key after a bounded back-off, as a careful client
 * would. Afterwards every key that was ever sent is sent again until it is accepted, so that every key
 * must end with exactly one pledge. What was sent and answered goes to DIR.
 * <p>
 * {@code check}: waits (bounded) until the outbox is drained and the jobs due are done, then checks
 * against the database and prints the figures; exits 1 when an invariant breaks.
 * <p>
 * Usage: java -cp mysql-connector-j.jar ops/FaultDriver.java load|check key=value...
 * (nodes=http://127.0.0.1:18081,http://... seconds=90 threads=12 dir=DIR run=ID jdbc=URL user= password=)
 */
public class FaultDriver {

	static Map<String, String> opts = new HashMap<>();

	static List<String> nodes;

	static Path dir;

	static String run;

	static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	static final AtomicLong requests = new AtomicLong();

	static final AtomicLong retries = new AtomicLong();

	static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	/** every 5xx (and unexpected 401) answer: when, which request, and the start of the body */
	static final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

	/** per Idempotency-Key: the body sent, every answer, and the pledge of the first 2xx */
	static final Map<String, KeyRecord> keys = new ConcurrentHashMap<>();

	static final Map<String, List<Long>> programmes = new ConcurrentHashMap<>();

	static final LinkedBlockingQueue<long[]> toVerify = new LinkedBlockingQueue<>();

	static final AtomicInteger signIns = new AtomicInteger();

	static final AtomicInteger signInsLost = new AtomicInteger();

	static final AtomicInteger sessionReads = new AtomicInteger();

	static final AtomicInteger pledgesConcluded = new AtomicInteger();

	static final AtomicInteger programmesSubmitted = new AtomicInteger();

	static volatile boolean stopping;

	static final Instant started = Instant.now();

	/** 2xx answers per 5 seconds since the start: shows the service going on through the kills */
	static final Map<Long, AtomicInteger> okPer5s = new ConcurrentHashMap<>();

	static final class KeyRecord {

		final String body;

		final String user;

		final List<String> answers = new ArrayList<>();

		volatile Long pledgeId;

		volatile String first2xx;

		KeyRecord(String body, String user) {
			this.body = body;
			this.user = user;
		}

	}

	record Answer(int status, String body, String location) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	public static void main(String[] args) throws Exception {
		for (int i = 1; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		dir = Path.of(opts.getOrDefault("dir", "."));
		run = opts.getOrDefault("run", "ft" + System.currentTimeMillis());
		nodes = List.of(opts.getOrDefault("nodes", "http://127.0.0.1:18081").split(","));
		switch (args[0]) {
			case "load" -> load();
			case "check" -> System.exit(check() ? 0 : 1);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// ---------------------------------------------------------------- load

	static void load() throws Exception {
		int seconds = Integer.parseInt(opts.getOrDefault("seconds", "90"));
		int threads = Integer.parseInt(opts.getOrDefault("threads", "12"));
		// of every 12 clients: 4 donors pledging, 4 officers working the pledges' tasks, 2 officers with
		// programmes, 2 people signed in by form
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int n = i;
			Runnable client = switch (i % 12) {
				case 0, 2, 4, 6 -> () -> donor(n);
				case 1, 5, 8, 9 -> () -> officer(n);
				case 3, 7 -> () -> programmeOfficer(n);
				default -> () -> signedInPerson(n);
			};
			Thread thread = new Thread(client, "client-" + i);
			clients.add(thread);
			thread.start();
		}
		Instant end = Instant.now().plusSeconds(seconds);
		while (Instant.now().isBefore(end)) {
			Thread.sleep(1000);
		}
		stopping = true;
		Instant stopped = Instant.now();
		for (Thread thread : clients) {
			thread.join(TimeUnit.SECONDS.toMillis(120));
		}
		System.out.printf("  load stopped; clients finished their work in hand in %d s (%d pledges left to verify)%n",
				Duration.between(stopped, Instant.now()).toSeconds(), toVerify.size());
		// every key ever sent is sent again until it is accepted: afterwards each must have one pledge
		long unaccepted = keys.values().stream().filter(r -> r.first2xx == null).count();
		Instant finalPass = Instant.now();
		java.util.concurrent.ExecutorService pass = java.util.concurrent.Executors.newFixedThreadPool(6);
		keys.forEach((key, record) -> pass.submit(() -> pledge(key, record, Instant.now().plusSeconds(90))));
		pass.shutdown();
		pass.awaitTermination(5, TimeUnit.MINUTES);
		System.out.printf("  clients stopped; final pass over %d keys took %d s%n", keys.size(),
				Duration.between(finalPass, Instant.now()).toSeconds());
		writeRecords(unaccepted);
	}

	static String node(int client, int attempt) {
		return nodes.get((client + attempt) % nodes.size());
	}

	static void donor(int client) {
		String user = client % 4 == 0 ? "donorNorway" : "donorJapan";
		int n = 0;
		while (!stopping) {
			String key = run + "-" + client + "-" + (++n);
			String office = n % 2 == 0 ? "CPCJD" : "OHCHR";
			String body = "{\"amount\":\"" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + ".00\",\"currency\":\"USD\","
					+ "\"earmarking\":\"NONE\",\"office\":\"" + office + "\",\"note\":\"fault test\"}";
			KeyRecord record = new KeyRecord(body, user);
			keys.put(key, record);
			Long id = pledge(key, record, Instant.now().plusSeconds(90));
			if (id != null) {
				toVerify.add(new long[] { id, office.equals("CPCJD") ? 0 : 1 });
			}
			// moderate load: the officers keep up, so little is left in hand when the load stops
			while (toVerify.size() > 8 && !stopping) {
				pause(200);
			}
			pause(300);
		}
	}

	/** POST the pledge with its key until a 2xx or the deadline; the same key and body every time */
	static Long pledge(String key, KeyRecord record, Instant deadline) {
		for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
			if (attempt > 0) {
				retries.incrementAndGet();
				backOff(attempt);
			}
			Answer answer = send(node(key.hashCode() & 0xff, attempt), "POST", "/api/pledges", record.user, record.body,
					Map.of("Idempotency-Key", key));
			synchronized (record) {
				record.answers.add(String.valueOf(answer.status()));
			}
			if (answer.ok()) {
				Long id = firstLong(answer.body(), "id");
				if (record.first2xx == null) {
					record.first2xx = Instant.now() + " " + answer.status();
					record.pledgeId = id;
				}
				else if (!id.equals(record.pledgeId)) {
					record.answers.add("DIFFERENT-PLEDGE:" + id);
				}
				return id;
			}
		}
		return null;
	}

	static void officer(int client) {
		while (!stopping || !toVerify.isEmpty()) {
			long[] item;
			try {
				item = toVerify.poll(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				return;
			}
			if (item == null) {
				continue;
			}
			long id = item[0];
			String officer = item[1] == 0 ? "officerCpcjd" : "officerOhchr";
			Instant deadline = Instant.now().plusSeconds(stopping ? 30 : 90);
			// "Verify pledge", then "Conclude agreement": each step only when the pledge still needs it,
			// so that a retry after a lost answer does not ask twice
			int failures = 0;
			for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
				if (failures > 0) {
					retries.incrementAndGet();
					backOff(failures);
				}
				String node = node(client, attempt);
				Answer current = send(node, "GET", "/api/pledges/" + id, officer, null, Map.of());
				if (!current.ok()) {
					failures++;
					continue;
				}
				if (current.body().contains("\"agreementDate\"")) {
					pledgesConcluded.incrementAndGet();
					break;
				}
				Answer step = !current.body().contains("\"verifiedAt\"")
						? send(node, "PUT", "/api/pledges/" + id + "/verification", officer, "{\"verified\":true}", Map.of())
						: send(node, "PUT", "/api/pledges/" + id + "/agreement", officer,
								"{\"agreementDate\":\"" + LocalDate.now() + "\",\"agreementReference\":\"FT-" + id + "\"}", Map.of());
				// after a step the pledge is read again: it says whether the step (or an earlier one whose
				// answer was lost) went through
				failures = step.ok() ? 0 : failures + 1;
			}
		}
	}

	static void programmeOfficer(int client) {
		String officer = client % 2 == 1 ? "officerCpcjd" : "officerOhchr";
		int n = 0;
		while (!stopping) {
			String title = "Fault test " + run + " " + client + "-" + (++n);
			String body = "{\"title\":\"" + title + "\",\"description\":\"made by the fault test\",\"scope\":\"GLOBAL\","
					+ "\"countries\":[],\"standards\":[\"TOKYO-RULES\"],\"activityTypes\":[\"TRAINING\"],\"sectors\":[\"15130\"],"
					+ "\"beneficiaryInstitution\":\"Prison service\",\"plannedStart\":\"2027-01-01\",\"plannedEnd\":\"2027-12-31\","
					+ "\"budget\":{\"amount\":\"250000.00\",\"currency\":\"USD\"},\"fundingDeadlineDays\":90}";
			List<Long> ids = programmes.computeIfAbsent(title, t -> new ArrayList<>());
			Long id = null;
			Instant deadline = Instant.now().plusSeconds(90);
			// creating has no Idempotency-Key: before creating again after a failure, look for the title
			for (int attempt = 0; id == null && Instant.now().isBefore(deadline); attempt++) {
				String node = node(client, attempt);
				if (attempt > 0) {
					retries.incrementAndGet();
					backOff(attempt);
					Answer found = send(node, "GET", "/api/programmes?size=5&text=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
							officer, null, Map.of());
					if (!found.ok()) {
						continue;
					}
					id = firstLong(found.body(), "id");
					if (id != null) {
						break;
					}
				}
				Answer created = send(node, "POST", "/api/programmes", officer, body, Map.of());
				if (created.ok()) {
					id = firstLong(created.body(), "id");
				}
			}
			if (id == null) {
				continue;
			}
			synchronized (ids) {
				ids.add(id);
			}
			for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
				if (attempt > 0) {
					retries.incrementAndGet();
					backOff(attempt);
				}
				Answer submitted = send(node(client, attempt), "POST", "/api/programmes/" + id + "/submission", officer, "", Map.of());
				if (submitted.ok() || (attempt > 0 && submitted.status() == 409)) {
					// a 409 after a failed try: the earlier submission went through (the check counts its process)
					programmesSubmitted.incrementAndGet();
					break;
				}
			}
			pause(1000);
		}
	}

	/** Signs in by form on one node, then reads a page on each node in turn with the session cookie. */
	static void signedInPerson(int client) {
		String user = client % 2 == 0 ? "donorNorway" : "donorJapan";
		HttpClient browser = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(3))
			.followRedirects(HttpClient.Redirect.NEVER)
			// cookies are per host, not per port: both nodes get the session cookie, as behind a load balancer
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		int turn = 0;
		boolean signedIn = false;
		while (!stopping) {
			String node = nodes.get(turn++ % nodes.size());
			try {
				if (!signedIn) {
					HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(node + "/login"))
						.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
					Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
					if (page.statusCode() != 200 || !csrf.find()) {
						pause(1000);
						continue;
					}
					String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
					HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(node + "/login"))
						.timeout(Duration.ofSeconds(20))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
					String location = posted.headers().firstValue("Location").orElse("");
					if (posted.statusCode() == 302 && !location.contains("/login")) {
						signedIn = true;
						signIns.incrementAndGet();
					}
					else {
						pause(1000);
					}
					continue;
				}
				requests.incrementAndGet();
				HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(node + "/donor/chart"))
					.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
				String location = read.headers().firstValue("Location").orElse("");
				if (read.statusCode() == 401 || (read.statusCode() == 302 && location.contains("/login"))) {
					signInsLost.incrementAndGet();
					signedIn = false;
				}
				else if (read.statusCode() == 200) {
					sessionReads.incrementAndGet();
				}
				else if (read.statusCode() >= 500) {
					// a person gets no 500 page for a failover either (a page's session is saved after the
					// page is made, on a connection that may have just broken)
					serverErrors.add(Instant.now() + " " + read.statusCode() + " GET " + node + "/donor/chart (page, signed in) "
							+ read.body().substring(0, Math.min(200, read.body().length())).replaceAll("\\s+", " "));
				}
			}
			catch (IOException e) {
				// that node is down: the next turn goes to the other one
			}
			catch (InterruptedException e) {
				return;
			}
			pause(500);
		}
	}

	static Answer send(String node, String method, String path, String user, String body, Map<String, String> headers) {
		requests.incrementAndGet();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		headers.forEach(request::header);
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		int status;
		String text;
		String location;
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			text = response.body();
			location = response.headers().firstValue("Location").orElse("");
		}
		catch (IOException e) {
			// refused, reset or timed out: status 0, retried like an error
			status = 0;
			text = e.getClass().getSimpleName();
			location = "";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			status = 0;
			text = "interrupted";
			location = "";
		}
		statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
		if (status >= 200 && status < 300) {
			okPer5s.computeIfAbsent(Duration.between(started, Instant.now()).toSeconds() / 5, s -> new AtomicInteger())
				.incrementAndGet();
		}
		// every client's password is right: a 401 means the server could not check it (say, its database
		// connection died during the sign-in), which a real client would take for a wrong password
		if (status >= 500 || status == 401) {
			serverErrors.add(Instant.now() + " " + status + " " + method + " " + node + path + " "
					+ text.substring(0, Math.min(300, text.length())).replace('\n', ' '));
		}
		return new Answer(status, text, location);
	}

	static void backOff(int attempt) {
		// 250 ms doubling to 4 s, with jitter so that clients do not retry in step
		long base = Math.min(4000, 250L << Math.min(attempt - 1, 4));
		pause(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static Long firstLong(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		return m.find() ? Long.valueOf(m.group(1)) : null;
	}

	static void writeRecords(long unaccepted) throws IOException {
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("keys-" + run + ".tsv")))) {
			keys.forEach((key, r) -> out.println(key + "\t" + (r.pledgeId == null ? "-" : r.pledgeId) + "\t"
					+ (r.first2xx == null ? "never" : r.first2xx) + "\t" + String.join(",", r.answers)));
		}
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("programmes-" + run + ".tsv")))) {
			programmes.forEach((title, ids) -> out.println(title + "\t" + ids));
		}
		Files.write(dir.resolve("server-errors-" + run + ".txt"), serverErrors);
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("requests sent", String.valueOf(requests.get()));
		figures.put("retries", String.valueOf(retries.get()));
		figures.put("answers by status (0 = no answer)", new java.util.TreeMap<>(statuses).toString());
		figures.put("5xx and 401 answers (listed after the checks)", String.valueOf(serverErrors.size()));
		long last = okPer5s.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
		StringBuilder timeline = new StringBuilder();
		for (long i = 0; i <= last; i++) {
			timeline.append(i == 0 ? "" : " ").append(okPer5s.getOrDefault(i, new AtomicInteger()).get());
		}
		figures.put("API answers 2xx per 5 s", timeline.toString());
		figures.put("pledge keys sent", String.valueOf(keys.size()));
		figures.put("pledge keys not accepted before the final pass", String.valueOf(unaccepted));
		figures.put("pledge keys still not accepted after it", String.valueOf(keys.values().stream().filter(r -> r.first2xx == null).count()));
		figures.put("pledges verified and agreed", String.valueOf(pledgesConcluded.get()));
		figures.put("programmes created / submitted", programmes.size() + " / " + programmesSubmitted.get());
		figures.put("sign-ins / reads with the session", signIns.get() + " / " + sessionReads.get());
		figures.put("sign-ins lost on node failover", String.valueOf(signInsLost.get()));
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("load-" + run + ".txt")))) {
			figures.forEach((k, v) -> out.println(k + "\t" + v));
		}
		figures.forEach((k, v) -> System.out.printf("  %-52s %s%n", k, v));
	}

	// ---------------------------------------------------------------- check

	static boolean check() throws Exception {
		String url = opts.get("jdbc");
		boolean ok = true;
		List<String> figures = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(url, opts.getOrDefault("user", "root"), opts.getOrDefault("password", ""))) {
			// the outbox drained and the jobs due done, within a bound
			Instant deadline = Instant.now().plusSeconds(Long.parseLong(opts.getOrDefault("drain-seconds", "150")));
			long pendingMails, dueJobs;
			while (true) {
				pendingMails = count(db, "SELECT COUNT(*) FROM notification_outbox WHERE sent_at IS NULL AND attempts < 10");
				dueJobs = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
						+ " AND (DUEDATE_ IS NULL OR DUEDATE_ <= NOW())");
				if ((pendingMails == 0 && dueJobs == 0) || Instant.now().isAfter(deadline)) {
					break;
				}
				Thread.sleep(2000);
			}
			ok &= expect(figures, "mails still in the outbox", pendingMails, 0);
			ok &= expectList(figures, "mails given up after 10 failed attempts", rows(db,
					"SELECT id, event_key, recipient, last_error FROM notification_outbox WHERE sent_at IS NULL AND attempts >= 10"));
			ok &= expect(figures, "jobs due not done", dueJobs, 0);
			// the relay has marked everything sent; the sink wrote each mail before it answered
			Thread.sleep(1000);

			// pledges per key: exactly one for every key (every key was sent until accepted)
			Map<String, String[]> sent = new HashMap<>();
			for (String line : Files.readAllLines(dir.resolve("keys-" + run + ".tsv"))) {
				String[] f = line.split("\t", -1);
				sent.put(f[0], f);
			}
			Map<String, List<Long>> made = new HashMap<>();
			try (PreparedStatement q = db.prepareStatement("SELECT idempotency_key, id FROM pledge WHERE idempotency_key LIKE ?")) {
				q.setString(1, run + "-%");
				try (ResultSet rs = q.executeQuery()) {
					while (rs.next()) {
						made.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
					}
				}
			}
			List<String> wrongKeys = new ArrayList<>();
			for (Map.Entry<String, String[]> e : sent.entrySet()) {
				List<Long> ids = made.getOrDefault(e.getKey(), List.of());
				boolean accepted = !e.getValue()[2].equals("never");
				String answered = e.getValue()[1];
				boolean right = accepted ? ids.size() == 1 && ids.get(0).toString().equals(answered) : ids.isEmpty();
				if (!right || e.getValue()[3].contains("DIFFERENT-PLEDGE")) {
					wrongKeys.add(e.getKey() + ": pledges " + ids + ", first 2xx " + e.getValue()[2] + ", answers " + e.getValue()[3]);
				}
			}
			for (String key : made.keySet()) {
				if (!sent.containsKey(key)) {
					wrongKeys.add(key + ": pledges " + made.get(key) + " for a key never sent");
				}
			}
			figures.add(String.format("%-52s %d keys, %d pledges", "pledge keys / pledges made", sent.size(),
					made.values().stream().mapToInt(List::size).sum()));
			ok &= expectList(figures, "keys without exactly one pledge (or with one never accepted)", wrongKeys);

			// process instances: one per pledge (pledge-<id>) and per submitted programme (programme-<id>)
			List<String> wrongInstances = new ArrayList<>();
			for (List<Long> ids : made.values()) {
				for (long id : ids) {
					long n = count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'DonorPledgeProcess'"
							+ " AND BUSINESS_KEY_ = 'pledge-" + id + "'");
					if (n != 1) {
						wrongInstances.add("pledge-" + id + ": " + n);
					}
				}
			}
			long programmeCount = 0;
			List<String> doubleProgrammes = new ArrayList<>();
			for (String line : Files.readAllLines(dir.resolve("programmes-" + run + ".tsv"))) {
				String title = line.split("\t")[0];
				List<Long> ids = new ArrayList<>();
				try (PreparedStatement q = db.prepareStatement("SELECT id, status FROM programme WHERE title = ?")) {
					q.setString(1, title);
					try (ResultSet rs = q.executeQuery()) {
						while (rs.next()) {
							ids.add(rs.getLong(1));
							programmeCount++;
							long n = count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'FundingProposalProcess'"
									+ " AND BUSINESS_KEY_ = 'programme-" + rs.getLong(1) + "'");
							if (n != (rs.getString(2).equals("DRAFT") ? 0 : 1)) {
								wrongInstances.add("programme-" + rs.getLong(1) + " (" + rs.getString(2) + "): " + n);
							}
						}
					}
				}
				if (ids.size() > 1) {
					doubleProgrammes.add(title + ": " + ids);
				}
			}
			figures.add(String.format("%-52s %d", "programmes made", programmeCount));
			ok &= expectList(figures, "programmes made twice for one title", doubleProgrammes);
			ok &= expectList(figures, "records without exactly one process instance", wrongInstances);

			// jobs executed twice: more than one successful log entry (JOB_STATE_ 2) for one job. Camunda's history
			// cleanup is left out: it is one everlasting job that runs, moves its own due date on and runs again under
			// the same JOB_ID_ all through its nightly window (01:00-05:00 by default, when CI may well run), and each
			// engine start in the window sets it back to the window's start. The job row's optimistic lock keeps two of
			// its runs from overlapping; how often it ran is printed as a figure.
			List<String> twice = rows(db, "SELECT JOB_ID_, JOB_DEF_TYPE_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
					+ " AND COALESCE(JOB_DEF_TYPE_, '') <> 'history-cleanup' GROUP BY JOB_ID_, JOB_DEF_TYPE_ HAVING COUNT(*) > 1");
			figures.add(String.format("%-52s %d", "jobs executed (successful job log entries)",
					count(db, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2")));
			figures.add(String.format("%-52s %d", "  of them runs of the history cleanup (one job, rerun)",
					count(db, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ = 'history-cleanup'")));
			ok &= expectList(figures, "jobs executed twice", twice);
			List<String> failedJobs = rows(db, "SELECT JOB_ID_, JOB_DEF_TYPE_, LEFT(JOB_EXCEPTION_MSG_, 200) FROM ACT_HI_JOB_LOG"
					+ " WHERE JOB_STATE_ = 1");
			figures.add(String.format("%-52s %d%s", "job failures (retried by the engine)", failedJobs.size(),
					failedJobs.isEmpty() ? "" : "\n      " + String.join("\n      ", failedJobs.subList(0, Math.min(10, failedJobs.size())))));
			ok &= expectList(figures, "open incidents", rows(db,
					"SELECT ID_, INCIDENT_TYPE_, PROC_INST_ID_, LEFT(INCIDENT_MSG_, 200) FROM ACT_RU_INCIDENT"));

			// mails per mail key: the sink logs each mail's Message-ID (one per outbox row) and when it took it
			Map<String, List<Long>> received = new HashMap<>();
			Path sink = dir.resolve("mails.tsv");
			if (Files.exists(sink)) {
				for (String line : Files.readAllLines(sink)) {
					String[] f = line.split("\t");
					received.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Long.parseLong(f[f.length - 1]));
				}
			}
			// The one documented way to send a mail twice (OutboxRelay's Javadoc): the SMTP server took it and
			// the node died before it marked the row sent; after the claim timeout the mail goes out again. The
			// relay sends one mail at a time, so each kill explains at most one row, and only one whose first
			// copy arrived in the seconds before that kill (the send and the mark-sent update) and its
			// second after it. Any other duplicate, or a second one for one kill, breaks the invariant.
			List<Long> kills = new ArrayList<>();
			Path killedAt = dir.resolve("killed-at.txt");
			if (Files.exists(killedAt)) {
				for (String line : Files.readAllLines(killedAt)) {
					if (!line.isBlank()) {
						kills.add(Long.parseLong(line.trim()));
					}
				}
			}
			List<Long> allKills = List.copyOf(kills);
			List<String> wrongMails = new ArrayList<>();
			List<String> explained = new ArrayList<>();
			long sentRows = 0;
			try (ResultSet rs = db.createStatement().executeQuery(
					"SELECT id, event_key, recipient FROM notification_outbox WHERE sent_at IS NOT NULL ORDER BY id")) {
				while (rs.next()) {
					sentRows++;
					List<Long> times = received.getOrDefault("<outbox-" + rs.getLong(1) + "@coopflow>", List.of());
					String row = "outbox " + rs.getLong(1) + " " + rs.getString(2) + " to " + rs.getString(3) + ": received "
							+ times.size();
					if (times.size() == 1) {
						continue;
					}
					Long kill = times.size() != 2 ? null : kills.stream()
						.filter(k -> times.get(0) <= k && times.get(0) >= k - 10_000 && times.get(1) > k)
						.findFirst().orElse(null);
					if (kill != null) {
						kills.remove(kill);
						explained.add(row + ", the first " + (kill - times.get(0)) + " ms before a kill -9, the second "
								+ (times.get(1) - kill) / 1000 + " s after it");
					}
					else {
						// when each copy arrived, against the kills, so that a CI log alone tells what happened
						wrongMails.add(row + times.stream().map(t -> allKills.isEmpty() ? " at " + t
								: " at " + allKills.stream().map(k -> String.format("%+d ms", t - k))
									.collect(Collectors.joining("/")) + " from the kill")
							.collect(Collectors.joining(",")));
					}
				}
			}
			figures.add(String.format("%-52s %d rows, %d mails received", "mails sent (outbox rows) / received", sentRows,
					received.values().stream().mapToInt(List::size).sum()));
			figures.add(String.format("%-52s %d%s", "mails sent twice across a kill (the documented window)", explained.size(),
					explained.isEmpty() ? "" : "\n      " + String.join("\n      ", explained)));
			ok &= expectList(figures, "mail keys not received exactly once", wrongMails);

			// a client never sees a 500 for a failover or a conflict (it gets 503 with Retry-After, or no
			// answer from a killed node), nor a 401 for right credentials (the server could not check them)
			List<String> wrongAnswers = new ArrayList<>();
			Path errors = dir.resolve("server-errors-" + run + ".txt");
			if (Files.exists(errors)) {
				for (String line : Files.readAllLines(errors)) {
					String[] f = line.split(" ", 3);
					if (f.length > 1 && (f[1].equals("500") || f[1].equals("401"))) {
						wrongAnswers.add(line);
					}
				}
			}
			ok &= expectList(figures, "answers 500, or 401 for right credentials", wrongAnswers);

			// signed-in people: enforced once sessions live in the database (Spring Session JDBC)
			Map<String, String> load = new HashMap<>();
			for (String line : Files.readAllLines(dir.resolve("load-" + run + ".txt"))) {
				String[] f = line.split("\t");
				load.put(f[0], f[1]);
			}
			long lost = Long.parseLong(load.get("sign-ins lost on node failover"));
			boolean shared = count(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
					+ " AND UPPER(table_name) = 'SPRING_SESSION'") > 0;
			if (shared) {
				ok &= expect(figures, "sign-ins lost on node failover", lost, 0);
			}
			else {
				figures.add(String.format("%-52s %d (not enforced: sessions are per node, no SPRING_SESSION table)",
						"sign-ins lost on node failover", lost));
			}
		}
		System.out.println(String.join("\n", figures.stream().map(f -> "  " + f).toList()));
		System.out.println(ok ? "  every invariant holds" : "  AN INVARIANT IS BROKEN");
		return ok;
	}

	static long count(Connection db, String sql) throws SQLException {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static List<String> rows(Connection db, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append(i > 1 ? " | " : "").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	static boolean expect(List<String> figures, String what, long actual, long expected) {
		boolean right = actual == expected;
		figures.add(String.format("%-52s %d%s", what, actual, right ? "" : "   <-- expected " + expected));
		return right;
	}

	static boolean expectList(List<String> figures, String what, List<String> found) {
		figures.add(String.format("%-52s %d%s", what, found.size(), found.isEmpty() ? ""
				: "   <-- expected 0:\n      " + String.join("\n      ", found.subList(0, Math.min(20, found.size())))));
		return found.isEmpty();
	}

}
