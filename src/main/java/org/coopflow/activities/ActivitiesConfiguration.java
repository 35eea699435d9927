package org.coopflow.activities;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImplementationSettings.class)
class ActivitiesConfiguration {

}
