/**
 * Templates of what citizens bring to a one-stop desk and what it gives back, beside the renderer of
 * administrative documents ({@link vn.sohoa.models.render}): {@link vn.sohoa.models.forms.CitizenFormGenerator}
 * fills a đơn đề nghị, tờ khai, giấy xác nhận, giấy chứng nhận, giấy phép, giấy khai sinh, hợp đồng or căn cước
 * công dân from a seed, with the field values a reader should find ({@link vn.sohoa.models.forms.FormDocument#fields}),
 * and {@link vn.sohoa.models.forms.FormRenderer} draws it on an A4 page with exact word boxes.
 */
package vn.sohoa.models.forms;
