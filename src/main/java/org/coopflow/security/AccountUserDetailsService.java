package org.coopflow.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		// MySQL's collations find 'ádmin' or 'admin ' as 'admin'; no username has such characters
		if (username == null || !username.matches(Account.USERNAME_PATTERN)) {
			throw new UsernameNotFoundException("No such user");
		}
		return accounts.findByUsername(username)
			.map(CoopflowUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
