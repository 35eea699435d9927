import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server on 127.0.0.1 that accepts every mail and writes one line per mail to a file:
 * Message-ID, X-Coopflow-Event, the recipients and the time it was accepted (epoch milliseconds),
 * tab-separated. The fault test (ops/fault-test.sh)
 * runs it beside the coopflow nodes, so that it outlives their kills, and counts mails per outbox row.
 * Usage: java ops/SmtpSink.java PORT FILE
 */
public class SmtpSink {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		PrintWriter out = new PrintWriter(new FileWriter(args[1], true), true);
		try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> serve(socket, out));
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	static void serve(Socket socket, PrintWriter out) {
		try (socket) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream reply = socket.getOutputStream();
			say(reply, "220 sink");
			StringBuilder recipients = new StringBuilder();
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> {
						if (command.equals("RSET") || command.equals("MAIL")) {
							recipients.setLength(0);
						}
						say(reply, "250 OK");
					}
					case "RCPT" -> {
						recipients.append(recipients.isEmpty() ? "" : ",").append(line.substring(line.indexOf(':') + 1).trim());
						say(reply, "250 OK");
					}
					case "DATA" -> {
						say(reply, "354 go on");
						String messageId = "-", event = "-";
						boolean headers = true;
						while ((line = in.readLine()) != null && !line.equals(".")) {
							if (line.isEmpty()) {
								headers = false;
							}
							else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								messageId = line.substring(11).trim();
							}
							else if (headers && line.regionMatches(true, 0, "X-Coopflow-Event:", 0, 17)) {
								event = line.substring(17).trim();
							}
						}
						// written before the answer: a mail the relay saw accepted is always counted
						synchronized (out) {
							out.println(messageId + "\t" + event + "\t" + recipients + "\t" + System.currentTimeMillis());
						}
						say(reply, "250 queued");
					}
					case "QUIT" -> {
						say(reply, "221 bye");
						return;
					}
					default -> say(reply, "250 OK");
				}
			}
		}
		catch (Exception e) {
			// a sender killed mid-conversation: its half mail was never accepted, nothing to record
		}
	}

	static void say(OutputStream reply, String text) throws java.io.IOException {
		reply.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		reply.flush();
	}

}
