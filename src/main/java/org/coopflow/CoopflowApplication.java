package org.coopflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CoopflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoopflowApplication.class, args);
	}

}
