/**
 * Command-line entry points: offline triage of JSON Lines ({@link org.heard.triage.cli.TriageCommand}),
 * training the domain sentiment model ({@link org.heard.triage.cli.TrainCommand}) and measuring triage
 * on labelled data ({@link org.heard.triage.cli.EvaluateCommand}). Each is a {@code run(...)} method
 * over streams so it is tested in-process; {@link org.heard.triage.cli.Commands} dispatches by name.
 */
package org.heard.triage.cli;
