/**
 * Labelled documents for the document-type model and the classification benchmark: the training split (written
 * to {@code sohoa/classify/doctype-train.tsv} by {@link vn.sohoa.models.labelled.TypeTrainingDataWriter}) and
 * evaluation rounds that share no seed and no corpus file with it ({@link vn.sohoa.models.labelled.LabelledDocuments}).
 */
package vn.sohoa.models.labelled;
