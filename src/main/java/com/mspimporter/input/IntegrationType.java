package com.mspimporter.input;

/** The cloud integration that a row asks for. */
public enum IntegrationType {

    AWS,
    GCP,
    /** The row onboards a customer without an integration. */
    NONE
}
