package org.coopflow.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The IATI 2.03 codelists coopflow writes codes from, read from {@code iati/codelists/} on the class path
 * (copied unchanged from the IATI repositories, see {@code iati/SOURCE.md}). A code is valid when its list
 * holds it and it is not withdrawn. The schema does not check codes; this does.
 */
final class Codelists {

	/** The lists the activity file uses. */
	static final List<String> USED = List.of("ActivityDateType", "ActivityStatus", "BudgetStatus", "BudgetType",
			"Country", "Currency", "DocumentCategory", "IndicatorMeasure", "Language", "OrganisationRole", "OrganisationType", "Region",
			"RegionVocabulary", "ResultType", "Sector", "SectorVocabulary", "TransactionType");

	private static final Codelists INSTANCE = load();

	private final Map<String, Set<String>> codes;

	private Codelists(Map<String, Set<String>> codes) {
		this.codes = codes;
	}

	static Codelists get() {
		return INSTANCE;
	}

	/** Whether {@code code} is an active code of the list; false for a list coopflow does not carry. */
	boolean has(String list, String code) {
		Set<String> active = codes.get(list);
		return active != null && code != null && active.contains(code);
	}

	private static Codelists load() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		Map<String, Set<String>> codes = new HashMap<>();
		for (String list : USED) {
			try (InputStream in = Codelists.class.getResourceAsStream("/iati/codelists/" + list + ".xml")) {
				if (in == null) {
					throw new IllegalStateException("iati/codelists/" + list + ".xml is missing");
				}
				codes.put(list, Set.copyOf(read(factory.createXMLStreamReader(in))));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (XMLStreamException e) {
				throw new IllegalStateException("iati/codelists/" + list + ".xml cannot be read", e);
			}
		}
		return new Codelists(Map.copyOf(codes));
	}

	/** The codes of the items not withdrawn. */
	private static Set<String> read(XMLStreamReader xml) throws XMLStreamException {
		Set<String> active = new HashSet<>();
		boolean withdrawn = false;
		while (xml.hasNext()) {
			if (xml.next() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (xml.getLocalName().equals("codelist-item")) {
				withdrawn = "withdrawn".equals(xml.getAttributeValue(null, "status"));
			}
			else if (xml.getLocalName().equals("code") && !withdrawn) {
				active.add(xml.getElementText().trim());
			}
		}
		xml.close();
		return active;
	}

}
