/** The Trainyard SDK for step code: JDK only, so depending on it costs nothing. */
package dev.trainyard.sdk;
