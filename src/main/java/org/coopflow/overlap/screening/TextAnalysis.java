package org.coopflow.overlap.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns a programme's title and description into terms with Lucene: the standard tokenizer, French
 * elision ({@code l'homme}), English possessives, lower case, ASCII folding ({@code réforme} →
 * {@code reforme}), English, French and Spanish stop words, and the Porter stemmer. Before stemming, a
 * small lexicon maps British spellings and the French and Spanish words of the field to the English
 * word they stand for ({@code programme}, {@code programa} → program; {@code penitenciaria},
 * {@code pénitentiaire} → prison), so that the same programme written by another office, or in
 * another language of the UN, meets itself. The words of country names are left out too. Thread-safe: Lucene's analyzer keeps one token stream per
 * thread.
 */
final class TextAnalysis {

	/** Folded form → English word; the English word is stemmed like any other before use. */
	private static final String[][] LEXICON = {
			// British spellings and forms the Porter stemmer keeps apart
			{ "programme", "program" }, { "programmes", "program" }, { "organisation", "organization" },
			{ "organisations", "organization" }, { "defence", "defense" }, { "centre", "center" },
			{ "centres", "center" }, { "judgement", "judgment" }, { "counselling", "counseling" },
			{ "labour", "labor" }, { "penitentiary", "prison" }, { "penitentiaries", "prison" },
			{ "detainees", "prisoner" }, { "detainee", "prisoner" }, { "inmates", "prisoner" }, { "inmate", "prisoner" },
			{ "prosecution", "prosecutor" }, { "prosecutions", "prosecutor" }, { "judges", "judge" },
			{ "judiciary", "judicial" }, { "advocates", "lawyer" }, { "attorneys", "lawyer" },
			{ "noncustodial", "custodial" },
			// Spanish
			{ "programa", "program" }, { "programas", "program" }, { "reforma", "reform" }, { "reformas", "reform" },
			{ "penitenciaria", "prison" }, { "penitenciario", "prison" }, { "penitenciarias", "prison" },
			{ "penitenciarios", "prison" }, { "carcel", "prison" }, { "carceles", "prison" }, { "prision", "prison" },
			{ "prisiones", "prison" }, { "reclusos", "prisoner" }, { "reclusas", "prisoner" }, { "presos", "prisoner" },
			{ "privadas", "deprived" }, { "privados", "deprived" }, { "justicia", "justice" }, { "judiciales", "judicial" },
			{ "independencia", "independence" }, { "jueces", "judge" }, { "juez", "judge" }, { "fiscales", "prosecutor" },
			 { "fiscalia", "prosecutor" }, { "abogados", "lawyer" }, { "abogado", "lawyer" },
			{ "defensa", "defense" }, { "defensores", "defender" }, { "defensoria", "defender" },
			{ "victimas", "victim" }, { "victima", "victim" }, { "derechos", "rights" }, { "humanos", "human" },
			{ "policia", "police" }, { "policial", "police" }, { "policiales", "police" }, { "fuerza", "force" },
			{ "armas", "firearm" }, { "capacitacion", "training" }, { "formacion", "training" },
			{ "fortalecimiento", "strengthening" }, { "sistema", "system" }, { "nacional", "national" },
			{ "medidas", "measure" }, { "alternativas", "alternative" }, { "privativas", "custodial" },
			{ "libertad", "liberty" }, { "reglas", "rule" }, { "minimas", "minimum" }, { "tratamiento", "treatment" },
			{ "asistencia", "assistance" }, { "tecnica", "technical" }, { "apoyo", "support" }, { "acceso", "access" },
			{ "proteccion", "protection" }, { "reparacion", "reparation" }, { "reparaciones", "reparation" },
			{ "conflicto", "conflict" }, { "juridica", "legal" }, { "legislacion", "legislation" },
			{ "normas", "standards" }, { "naciones", "nations" }, { "unidas", "united" }, { "traduccion", "translation" },
			{ "difusion", "dissemination" }, { "compendio", "compendium" }, { "funcionarios", "officials" },
			{ "encargados", "enforcement" }, { "hacer", "law" }, { "cumplir", "enforcement" }, { "ley", "law" },
			{ "codigo", "code" }, { "conducta", "conduct" }, { "uso", "use" }, { "principios", "principle" },
			{ "basicos", "basic" }, { "directrices", "guideline" }, { "gestion", "management" },
			{ "hacinamiento", "overcrowding" }, { "detencion", "detention" }, { "preventiva", "pretrial" },
			// French
			{ "reforme", "reform" }, { "reformes", "reform" }, { "penitentiaire", "prison" }, { "penitentiaires", "prison" },
			{ "detenus", "prisoner" }, { "detenu", "prisoner" }, { "independance", "independence" },
			{ "magistrature", "judicial" }, { "magistrats", "judge" }, { "magistrat", "judge" }, { "juges", "judge" },
			{ "juge", "judge" }, { "judiciaire", "judicial" }, { "judiciaires", "judicial" }, { "procureurs", "prosecutor" },
			{ "procureur", "prosecutor" }, { "parquet", "prosecutor" }, { "parquets", "prosecutor" }, { "avocats", "lawyer" },
			{ "avocat", "lawyer" }, { "barreau", "bar" }, { "victimes", "victim" }, { "droits", "rights" },
			{ "homme", "human" }, { "humains", "human" }, { "formation", "training" }, { "renforcement", "strengthening" },
			{ "capacites", "capacity" }, { "peines", "sentence" }, { "mesures", "measure" }, { "privatives", "custodial" },
			{ "liberte", "liberty" }, { "regles", "rule" }, { "minima", "minimum" }, { "traitement", "treatment" },
			{ "appui", "support" }, { "soutien", "support" }, { "conseil", "council" }, { "superieur", "superior" },
			{ "ministere", "ministry" }, { "diffusion", "dissemination" }, { "traduction", "translation" },
			{ "recueil", "compendium" }, { "normes", "standards" }, { "unies", "united" }, { "enquetes", "investigation" },
			{ "surpopulation", "overcrowding" }, { "provisoire", "pretrial" },
			{ "aide", "aid" }, { "juridique", "legal" }, { "juridictionnelle", "legal" }, { "acces", "access" },
			{ "forces", "force" }, { "ordre", "order" }, { "armes", "firearm" }, { "emploi", "use" },
			{ "fonctionnaires", "officials" }, { "deontologie", "ethics" }, { "principes", "principle" },
			{ "lignes", "guideline" }, { "directrices", "guideline" }, { "personnel", "staff" }, { "gestion", "management" } };

	private static final CharArraySet STOP_WORDS;

	static {
		CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
		for (String word : List.of("de", "la", "le", "les", "des", "du", "et", "en", "pour", "au", "aux", "sur", "dans",
				"un", "une", "par", "avec", "leur", "leurs", "ses", "son", "sa", "el", "los", "las", "y", "para", "del",
				"con", "por", "al", "una", "su", "sus", "que", "e", "o", "d", "l", "within", "through", "its", "which",
				"also", "including", "well")) {
			stop.add(word);
		}
		STOP_WORDS = CharArraySet.unmodifiableSet(stop);
	}

	/**
	 * The words of country names in English, French and Spanish (the JDK's), left out of the text
	 * vectors: a candidate pair shares a country by definition, and the country signal already counts
	 * it, so "Sierra Leone" in both texts says nothing more.
	 */
	private static final CharArraySet COUNTRY_WORDS;

	static {
		CharArraySet words = new CharArraySet(2048, true);
		for (String code : Locale.getISOCountries()) {
			Locale country = new Locale("", code);
			for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("es"))) {
				for (String word : Normalizer.normalize(country.getDisplayCountry(language), Normalizer.Form.NFD)
					.replaceAll("\\p{M}", "")
					.toLowerCase(Locale.ROOT)
					.split("[^a-z]+")) {
					if (word.length() > 2) {
						words.add(word);
					}
				}
			}
		}
		COUNTRY_WORDS = CharArraySet.unmodifiableSet(words);
	}

	private final Analyzer analyzer;

	private final Analyzer nameAnalyzer;

	TextAnalysis() {
		StemmerOverrideMap overrides = overrides();
		this.analyzer = analyzer(overrides, true);
		this.nameAnalyzer = analyzer(overrides, false);
	}

	/** @param leaveOutCountries for texts; a name keeps its country ("Kenya Prisons Service" is not the Ugandan one) */
	private static Analyzer analyzer(StemmerOverrideMap overrides, boolean leaveOutCountries) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
				stream = new EnglishPossessiveFilter(stream);
				stream = new LowerCaseFilter(stream);
				stream = new ASCIIFoldingFilter(stream);
				stream = new StopFilter(stream, STOP_WORDS);
				if (leaveOutCountries) {
					stream = new StopFilter(stream, COUNTRY_WORDS);
				}
				stream = new StemmerOverrideFilter(stream, overrides);
				stream = new PorterStemFilter(stream);
				return new TokenStreamComponents(source, stream);
			}
		};
	}

	/** The terms of a text in order, stop words and the words of country names left out. */
	List<String> terms(String text) {
		return terms(analyzer, text);
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text == null ? "" : text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				// numbers (years, resolution numbers) say nothing about what a programme does
				if (!Character.isDigit(term.charAt(0))) {
					terms.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}

	/** Each term of a text with how often it occurs. */
	Map<String, Integer> termCounts(String text) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String term : terms(text)) {
			counts.merge(term, 1, Integer::sum);
		}
		return counts;
	}

	/** A name reduced to its terms, for comparing institutions and partners. */
	String normalizedName(String name) {
		return name == null ? "" : String.join(" ", terms(nameAnalyzer, name));
	}

	private static StemmerOverrideMap overrides() {
		try {
			StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
			for (String[] entry : LEXICON) {
				builder.add(entry[0], porterStem(entry[1]));
			}
			return builder.build();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String porterStem(String word) throws IOException {
		try (Analyzer stemmer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
			}
		}; TokenStream stream = stemmer.tokenStream("word", word)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			String stem = stream.incrementToken() ? term.toString() : word;
			stream.end();
			return stem;
		}
	}

}
