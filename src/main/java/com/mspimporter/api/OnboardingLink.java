package com.mspimporter.api;

/**
 * The answer to requesting an AWS CloudFormation onboarding link.
 *
 * @param externalId the external id that the AWS integration's secret must carry
 * @param cloudformationUrl the link the customer opens to create the access role
 */
public record OnboardingLink(String externalId, String cloudformationUrl) {
}
