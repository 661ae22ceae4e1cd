/** Rebuilding state by folding an aggregate's recorded events, in version order. */
package dev.dossier.application.replay;
