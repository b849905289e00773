package com.mspimporter.api;

/** The answer to creating a customer: {@code data.customer_id}. */
public record CustomerCreated(String customerId) {
}
