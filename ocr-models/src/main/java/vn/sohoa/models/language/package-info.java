/**
 * A Vietnamese syllable language model for tone-mark correction of OCR output: phonotactics
 * ({@link vn.sohoa.models.language.VietnameseSyllable}), syllable bigram counts
 * ({@link vn.sohoa.models.language.SyllableModel}) and their reproducible training
 * ({@link vn.sohoa.models.language.SyllableModelTrainer}).
 */
package vn.sohoa.models.language;
