package org.coopflow.reference;

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
 * The OECD DAC purpose codes a programme's sectors are given in (five digits), with their English names, read
 * from the IATI Sector codelist that coopflow also publishes against ({@code iati/codelists/Sector.xml}), so that
 * no new or changed programme carries a sector code its IATI activity would be refused for. A withdrawn code keeps
 * its name on the pages of the programmes that carry it, but is not taken for new work: such a programme's next
 * edit is refused, naming the code, until the officer replaces it.
 */
@org.springframework.modulith.NamedInterface("api")
public final class DacSectors {

	private static final String CODELIST = "/iati/codelists/Sector.xml";

	/**
	 * The sectors of the justice / human-rights group the two offices' programmes are mostly in (the five overlap
	 * screening treats as one theme unless configured otherwise), offered by name on the programme form; any other
	 * code in use is typed.
	 */
	public static final List<String> JUSTICE_AND_HUMAN_RIGHTS = List.of("15130", "15160", "15210", "15113", "15180");

	private static final DacSectors INSTANCE = load();

	private final Map<String, String> names;

	private final Set<String> active;

	private DacSectors(Map<String, String> names, Set<String> active) {
		this.names = Map.copyOf(names);
		this.active = Set.copyOf(active);
	}

	/** Whether a new or changed programme may name the sector: a code of the list, not withdrawn. */
	public static boolean isActive(String code) {
		return code != null && INSTANCE.active.contains(code);
	}

	/** The sector as people read it, e.g. "15130 Legal and judicial development"; the code alone if unknown. */
	public static String inWords(String code) {
		String name = code == null ? null : INSTANCE.names.get(code);
		return name == null ? code : code + " " + name;
	}

	private static DacSectors load() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try (InputStream in = DacSectors.class.getResourceAsStream(CODELIST)) {
			if (in == null) {
				throw new IllegalStateException(CODELIST + " is missing from the class path");
			}
			return read(factory.createXMLStreamReader(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException(CODELIST + " cannot be read", e);
		}
	}

	/** Each item's code and the English narrative of its name (the one without {@code xml:lang}). */
	private static DacSectors read(XMLStreamReader xml) throws XMLStreamException {
		Map<String, String> names = new HashMap<>();
		Set<String> active = new HashSet<>();
		String code = null;
		boolean withdrawn = false;
		boolean inName = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("name")) {
				inName = false;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (xml.getLocalName()) {
				case "codelist-item" -> {
					withdrawn = "withdrawn".equals(xml.getAttributeValue(null, "status"));
					code = null;
				}
				case "code" -> {
					code = xml.getElementText().trim();
					if (!withdrawn) {
						active.add(code);
					}
				}
				case "name" -> inName = true;
				case "narrative" -> {
					boolean english = xml.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang") == null;
					String text = xml.getElementText().trim();
					if (inName && english && code != null) {
						names.putIfAbsent(code, text);
					}
				}
				default -> {
				}
			}
		}
		return new DacSectors(names, active);
	}

}
