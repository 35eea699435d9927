package org.coopflow.publishing;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.coopflow.publishing.IatiActivity.Organisation;
import org.coopflow.publishing.IatiActivity.Share;

/**
 * Writes an IATI 2.03 activity file with StAX, one {@link IatiActivity} at a time, straight to the stream:
 * no document is built. The elements follow the order of the schema's {@code xsd:sequence}.
 */
final class IatiXml implements AutoCloseable {

	static final String VERSION = "2.03";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final XMLStreamWriter xml;

	private IatiXml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	/** Opens the file: the XML declaration and {@code iati-activities}. */
	static IatiXml open(OutputStream out, Instant generated) throws XMLStreamException {
		IatiXml file = new IatiXml(FACTORY.createXMLStreamWriter(out, "UTF-8"));
		file.xml.writeStartDocument("UTF-8", "1.0");
		file.xml.writeCharacters("\n");
		file.xml.writeStartElement("iati-activities");
		file.xml.writeAttribute("version", VERSION);
		file.xml.writeAttribute("generated-datetime", dateTime(generated));
		return file;
	}

	void write(IatiActivity a) throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeStartElement("iati-activity");
		xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", IatiActivity.LANGUAGE);
		xml.writeAttribute("default-currency", a.defaultCurrency());
		if (a.lastUpdated() != null) {
			xml.writeAttribute("last-updated-datetime", dateTime(a.lastUpdated()));
		}
		text("iati-identifier", a.identifier());
		xml.writeStartElement("reporting-org");
		xml.writeAttribute("ref", a.reportingOrg().ref());
		xml.writeAttribute("type", a.reportingOrg().type());
		narrative(a.reportingOrg().name());
		xml.writeEndElement();
		xml.writeStartElement("title");
		narrative(a.title());
		xml.writeEndElement();
		xml.writeStartElement("description");
		narrative(a.description());
		xml.writeEndElement();
		for (var participant : a.participants()) {
			xml.writeStartElement("participating-org");
			organisation(participant.organisation());
			xml.writeAttribute("role", participant.role());
			optionalNarrative(participant.organisation().name());
			xml.writeEndElement();
		}
		empty("activity-status", "code", a.status());
		for (var date : a.dates()) {
			xml.writeEmptyElement("activity-date");
			xml.writeAttribute("type", date.type());
			xml.writeAttribute("iso-date", date.date().toString());
		}
		for (Share country : a.countries()) {
			xml.writeEmptyElement("recipient-country");
			xml.writeAttribute("code", country.code());
			percentage(country);
		}
		for (Share region : a.regions()) {
			xml.writeEmptyElement("recipient-region");
			xml.writeAttribute("code", region.code());
			xml.writeAttribute("vocabulary", IatiActivity.REGION_VOCABULARY);
			percentage(region);
		}
		for (Share sector : a.sectors()) {
			xml.writeEmptyElement("sector");
			xml.writeAttribute("vocabulary", IatiActivity.SECTOR_VOCABULARY);
			xml.writeAttribute("code", sector.code());
			percentage(sector);
		}
		for (var budget : a.budgets()) {
			xml.writeStartElement("budget");
			xml.writeAttribute("type", IatiActivity.BUDGET_TYPE);
			xml.writeAttribute("status", IatiActivity.BUDGET_STATUS);
			empty("period-start", "iso-date", budget.start().toString());
			empty("period-end", "iso-date", budget.end().toString());
			value(budget.value(), budget.currency(), budget.valueDate());
			xml.writeEndElement();
		}
		for (var t : a.transactions()) {
			xml.writeStartElement("transaction");
			empty("transaction-type", "code", t.type());
			empty("transaction-date", "iso-date", t.date().toString());
			value(t.value(), t.currency(), t.valueDate());
			if (t.description() != null && !t.description().isBlank()) {
				xml.writeStartElement("description");
				narrative(t.description());
				xml.writeEndElement();
			}
			if (t.provider() != null) {
				xml.writeStartElement("provider-org");
				organisation(t.provider());
				optionalNarrative(t.provider().name());
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		for (var document : a.documents()) {
			xml.writeStartElement("document-link");
			xml.writeAttribute("url", document.url());
			xml.writeAttribute("format", document.format());
			xml.writeStartElement("title");
			narrative(document.title());
			xml.writeEndElement();
			empty("category", "code", document.category());
			if (document.language() != null) {
				empty("language", "code", document.language());
			}
			if (document.date() != null) {
				empty("document-date", "iso-date", document.date().toString());
			}
			xml.writeEndElement();
		}
		for (var result : a.results()) {
			result(result);
		}
		xml.writeEndElement();
	}

	private void result(IatiActivity.Result result) throws XMLStreamException {
		xml.writeStartElement("result");
		xml.writeAttribute("type", result.type());
		xml.writeStartElement("title");
		narrative(result.title());
		xml.writeEndElement();
		if (result.description() != null && !result.description().isBlank()) {
			xml.writeStartElement("description");
			narrative(result.description());
			xml.writeEndElement();
		}
		for (var indicator : result.indicators()) {
			xml.writeStartElement("indicator");
			xml.writeAttribute("measure", indicator.measure());
			if (!indicator.qualitative()) {
				xml.writeAttribute("ascending", indicator.ascending() ? "1" : "0");
			}
			xml.writeStartElement("title");
			narrative(indicator.title());
			xml.writeEndElement();
			if (indicator.description() != null && !indicator.description().isBlank()) {
				xml.writeStartElement("description");
				narrative(indicator.description());
				xml.writeEndElement();
			}
			if (indicator.baseline() != null) {
				xml.writeStartElement("baseline");
				if (indicator.baseline().date() != null) {
					xml.writeAttribute("iso-date", indicator.baseline().date().toString());
				}
				xml.writeAttribute("year", indicator.baseline().year().toString());
				if (indicator.baseline().value() != null) {
					xml.writeAttribute("value", indicator.baseline().value());
				}
				comment(indicator.baseline().comment());
				xml.writeEndElement();
			}
			for (var period : indicator.periods()) {
				xml.writeStartElement("period");
				empty("period-start", "iso-date", period.start().toString());
				empty("period-end", "iso-date", period.end().toString());
				measured("target", period.target());
				measured("actual", period.actual());
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void measured(String element, IatiActivity.Measured measured) throws XMLStreamException {
		if (measured == null) {
			return;
		}
		xml.writeStartElement(element);
		if (measured.value() != null) {
			xml.writeAttribute("value", measured.value());
		}
		comment(measured.comment());
		xml.writeEndElement();
	}

	private void comment(String text) throws XMLStreamException {
		if (text != null && !text.isBlank()) {
			xml.writeStartElement("comment");
			narrative(text);
			xml.writeEndElement();
		}
	}

	/** Closes {@code iati-activities} and flushes; the stream itself stays open. */
	@Override
	public void close() throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeEndElement();
		xml.writeCharacters("\n");
		xml.writeEndDocument();
		xml.flush();
		xml.close();
	}

	void flush() throws XMLStreamException {
		xml.flush();
	}

	private void organisation(Organisation organisation) throws XMLStreamException {
		if (organisation.ref() != null) {
			xml.writeAttribute("ref", organisation.ref());
		}
		if (organisation.type() != null) {
			xml.writeAttribute("type", organisation.type());
		}
	}

	private void value(BigDecimal amount, String currency, LocalDate valueDate) throws XMLStreamException {
		xml.writeStartElement("value");
		xml.writeAttribute("currency", currency);
		xml.writeAttribute("value-date", valueDate.toString());
		xml.writeCharacters(amount.toPlainString());
		xml.writeEndElement();
	}

	private void percentage(Share share) throws XMLStreamException {
		if (share.percentage() != null) {
			xml.writeAttribute("percentage", share.percentage().toPlainString());
		}
	}

	private void narrative(String text) throws XMLStreamException {
		xml.writeStartElement("narrative");
		xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", IatiActivity.LANGUAGE);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private void optionalNarrative(String text) throws XMLStreamException {
		if (text != null && !text.isBlank()) {
			narrative(text);
		}
	}

	private void text(String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private void empty(String element, String attribute, String value) throws XMLStreamException {
		xml.writeEmptyElement(element);
		xml.writeAttribute(attribute, value);
	}

	private static String dateTime(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

}
