package vn.sohoa.models.render;

import java.awt.Font;

/** A word to draw and the font (face and pixel size) to draw it in. */
record StyledWord(String text, Font font) {
}
