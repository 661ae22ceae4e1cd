/** The main job from the README: a small order domain recorded into a store and replayed to rebuild state. */
package dev.dossier.eventstore.demo;
