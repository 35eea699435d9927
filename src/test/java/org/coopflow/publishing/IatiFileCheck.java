package org.coopflow.publishing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Checks an IATI activity file the way a publisher's validator would, independently of how coopflow built
 * it: against the IATI 2.03 schema on the class path (nothing fetched: every include and import is served
 * from {@code iati/schema/}, anything else fails), every code against its IATI codelist, and the rules
 * coopflow promises (sector and country percentages summing to 100, budget periods of at most a year,
 * transactions with dates), read back from the XML.
 */
final class IatiFileCheck {

	private static final String SCHEMA = "/iati/schema/";

	private static final Schema IATI = schema();

	private IatiFileCheck() {
	}

	/** Throws when the file is not valid against the schema. */
	static void validate(byte[] xml) throws SAXException, IOException {
		Validator validator = IATI.newValidator();
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
	}

	private static Schema schema() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			// nothing over the network, nor from any file: the resolver below serves the three local files
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setResourceResolver(new LocalSchemas());
			URL main = IatiFileCheck.class.getResource(SCHEMA + "iati-activities-schema.xsd");
			StreamSource source = new StreamSource(main.openStream(), main.toString());
			return factory.newSchema(source);
		}
		catch (SAXException | IOException e) {
			throw new IllegalStateException("The IATI schema cannot be read from the class path", e);
		}
	}

	/** Serves {@code iati-common.xsd} and {@code xml.xsd} from the class path; refuses everything else. */
	private static final class LocalSchemas implements LSResourceResolver {

		@Override
		public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
			String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
			if (!List.of("iati-common.xsd", "xml.xsd").contains(name)) {
				throw new IllegalStateException("The IATI schema refers to " + systemId + ", which is not kept locally");
			}
			InputStream in = IatiFileCheck.class.getResourceAsStream(SCHEMA + name);
			return new Input(publicId, IatiFileCheck.class.getResource(SCHEMA + name).toString(), baseUri, in);
		}

	}

	private record Input(String publicId, String systemId, String baseURI, InputStream byteStream) implements LSInput {

		@Override
		public String getPublicId() {
			return publicId;
		}

		@Override
		public String getSystemId() {
			return systemId;
		}

		@Override
		public String getBaseURI() {
			return baseURI;
		}

		@Override
		public InputStream getByteStream() {
			return byteStream;
		}

		@Override
		public Reader getCharacterStream() {
			return null;
		}

		@Override
		public String getStringData() {
			return null;
		}

		@Override
		public String getEncoding() {
			return null;
		}

		@Override
		public boolean getCertifiedText() {
			return false;
		}

		@Override
		public void setPublicId(String publicId) {
		}

		@Override
		public void setSystemId(String systemId) {
		}

		@Override
		public void setBaseURI(String baseURI) {
		}

		@Override
		public void setByteStream(InputStream byteStream) {
		}

		@Override
		public void setCharacterStream(Reader characterStream) {
		}

		@Override
		public void setStringData(String stringData) {
		}

		@Override
		public void setEncoding(String encoding) {
		}

		@Override
		public void setCertifiedText(boolean certifiedText) {
		}

	}

	/** Which codelist each coded attribute of the file draws from, by "element@attribute". */
	private static final Map<String, String> CODED = Map.ofEntries(Map.entry("iati-activity@default-currency", "Currency"),
			Map.entry("reporting-org@type", "OrganisationType"), Map.entry("participating-org@role", "OrganisationRole"),
			Map.entry("participating-org@type", "OrganisationType"), Map.entry("activity-status@code", "ActivityStatus"),
			Map.entry("activity-date@type", "ActivityDateType"), Map.entry("recipient-country@code", "Country"),
			Map.entry("recipient-region@code", "Region"), Map.entry("recipient-region@vocabulary", "RegionVocabulary"),
			Map.entry("sector@code", "Sector"), Map.entry("sector@vocabulary", "SectorVocabulary"),
			Map.entry("budget@type", "BudgetType"), Map.entry("budget@status", "BudgetStatus"),
			Map.entry("transaction-type@code", "TransactionType"), Map.entry("value@currency", "Currency"),
			Map.entry("provider-org@type", "OrganisationType"), Map.entry("result@type", "ResultType"),
			Map.entry("category@code", "DocumentCategory"), Map.entry("language@code", "Language"),
			Map.entry("indicator@measure", "IndicatorMeasure"));

	/**
	 * What is wrong with the file beyond the schema: codes not in their codelists (or withdrawn), and the
	 * rules coopflow promises; each as "identifier: problem". Empty when all is well.
	 */
	static List<String> problems(byte[] file) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
		Codelists codelists = Codelists.get();
		List<String> problems = new ArrayList<>();
		String identifier = null;
		Map<String, BigDecimal> sums = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		LocalDate periodStart = null;
		boolean inTransaction = false;
		boolean inBudget = false;
		boolean dated = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				switch (xml.getLocalName()) {
					case "iati-activity" -> {
						for (String what : sums.keySet()) {
							if (counts.get(what) > 1 && sums.get(what).compareTo(BigDecimal.valueOf(100)) != 0) {
								problems.add(identifier + ": " + what + " percentages add up to " + sums.get(what));
							}
						}
						sums.clear();
						counts.clear();
					}
					case "budget" -> inBudget = false;
					case "transaction" -> {
						if (!dated) {
							problems.add(identifier + ": a transaction without a date");
						}
						inTransaction = false;
					}
					default -> {
					}
				}
				continue;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String element = xml.getLocalName();
			for (int i = 0; i < xml.getAttributeCount(); i++) {
				String attribute = xml.getAttributeLocalName(i);
				String value = xml.getAttributeValue(i);
				if ("lang".equals(attribute) && !codelists.has("Language", value)) {
					problems.add(identifier + ": language " + value + " is not in the codelist Language");
				}
				String list = CODED.get(element + "@" + attribute);
				if (list != null && !codelists.has(list, value)) {
					problems.add(identifier + ": " + element + "/@" + attribute + " " + value + " is not in the codelist " + list);
				}
			}
			switch (element) {
				case "iati-identifier" -> identifier = xml.getElementText();
				case "sector", "recipient-country" -> {
					if (inTransaction) {
						break;
					}
					String what = element.equals("sector") ? "sector vocabulary " + xml.getAttributeValue(null, "vocabulary")
							: element;
					String percentage = xml.getAttributeValue(null, "percentage");
					sums.merge(what, percentage == null ? BigDecimal.ZERO : new BigDecimal(percentage), BigDecimal::add);
					counts.merge(what, 1, Integer::sum);
				}
				case "budget" -> inBudget = true;
				case "period-start" -> periodStart = LocalDate.parse(xml.getAttributeValue(null, "iso-date"));
				case "period-end" -> {
					LocalDate end = LocalDate.parse(xml.getAttributeValue(null, "iso-date"));
					// a budget's period lasts at most a year (and may be a single day); a result's must
					// start before it ends (8.6.1) and may be longer
					if (inBudget && (end.isAfter(periodStart.plusYears(1)) || end.isBefore(periodStart))) {
						problems.add(identifier + ": a budget period from " + periodStart + " to " + end);
					}
					if (!inBudget && !end.isAfter(periodStart)) {
						problems.add(identifier + ": an indicator period from " + periodStart + " to " + end);
					}
				}
				case "transaction" -> {
					inTransaction = true;
					dated = false;
				}
				case "transaction-date" -> dated = xml.getAttributeValue(null, "iso-date") != null;
				default -> {
				}
			}
		}
		return problems;
	}

}
