package com.mspimporter.onboarding;

import java.util.Map;

/**
 * Reads a GCP service-account key file when its integration is created, so that key material is held in
 * memory only for that call. Implementations throw an exception whose message never contains key material.
 */
@FunctionalInterface
public interface ServiceAccountKeys {

    Map<String, Object> read(String path);
}
