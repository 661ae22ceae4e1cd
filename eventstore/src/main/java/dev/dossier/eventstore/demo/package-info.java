/**
 * The sample order domain (events, a state fold, commands with a real invariant, the aggregate
 * definition) and the main job from the README that records orders into a store and replays them.
 */
package dev.dossier.eventstore.demo;
