package org.coopflow.programmes;

import java.util.List;

import org.coopflow.security.CoopflowUser;
import org.coopflow.shared.InvalidField;
import org.coopflow.shared.PageView;
import org.springframework.stereotype.Service;

/**
 * What other modules and the API do with programmes, in one public place, while the use cases behind it stay
 * package-private: {@link ProgrammeDrafting}, {@link ProgrammeDraftCheck} and {@link ProgrammeQueries}. The
 * processes change programmes through their ports, {@link ProposalLifecycle} and {@link ImplementationLifecycle}.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ProgrammeService {

	private final ProgrammeDrafting drafting;

	private final ProgrammeDraftCheck check;

	private final ProgrammeQueries queries;

	ProgrammeService(ProgrammeDrafting drafting, ProgrammeDraftCheck check, ProgrammeQueries queries) {
		this.drafting = drafting;
		this.check = check;
		this.queries = queries;
	}

	/** An officer drafts a programme for their own office. */
	public ProgrammeView create(CoopflowUser user, ProgrammeDraft draft) {
		return drafting.create(user, draft);
	}

	/** An officer edits a draft of their office, or one returned for revision, as of the version they read. */
	public ProgrammeView update(CoopflowUser user, long id, int expectedVersion, ProgrammeDraft draft) {
		return drafting.update(user, id, expectedVersion, draft);
	}

	/** Every problem of a draft, as {@link #create} and {@link #update} would refuse it; none when it is good. */
	public List<InvalidField> problems(ProgrammeDraft draft) {
		return check.problems(draft);
	}

	/** A programme the user may see (donors: only one that seeks funds, without internal fields). */
	public ProgrammeView get(CoopflowUser user, long id) {
		return queries.get(user, id);
	}

	/** One page of {@link #search}: the programmes on it and how many match in all. */
	public PageView<ProgrammeView> page(CoopflowUser user, ProgrammeFilter filter, int page, int size) {
		ProgrammeRepository.Page found = queries.search(user, filter, page, size);
		return PageView.of(found.content(), page, size, found.totalElements());
	}

	/** The programmes that match a filter, of those the user may see. */
	public ProgrammeRepository.Page search(CoopflowUser user, ProgrammeFilter filter, int page, int size) {
		return queries.search(user, filter, page, size);
	}

	/** Every change of a programme, for its offices (donors never see it). */
	public List<ProgrammeChange> history(CoopflowUser user, long id) {
		return queries.history(user, id);
	}

}
