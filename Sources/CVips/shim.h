// libvips through pkg-config `vips`. Its calls take NULL-terminated option lists (C varargs), which Swift
// cannot call: these inline wrappers name the options Warraq uses.
#include <vips/vips.h>

/// Starts libvips once per process; 0 on success. Its own thread pool is kept to one thread per call,
/// as Warraq already runs one image per core.
static inline int warraq_vips_start(void) {
    if (VIPS_INIT("warraq") != 0) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

/// The size of an encoded image, from its header; 0 on success.
static inline int warraq_vips_size(const void *data, size_t length, int *width, int *height) {
    VipsImage *image = vips_image_new_from_buffer(data, length, "", NULL);
    if (!image) return -1;
    // The size a reader sees: an EXIF orientation of 5 to 8 turns the picture a quarter.
    int orientation = vips_image_get_orientation(image);
    int swap = orientation >= 5 && orientation <= 8;
    *width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    *height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

/// Scales an encoded image down to at most `width` pixels wide (never up, orientation applied) and
/// encodes it as JPEG (`webp` 0) or WebP (`webp` 1). The caller frees `*out` with `g_free`; 0 on success.
static inline int warraq_vips_variant(const void *data, size_t length, int width, int webp, int quality,
                                      void **out, size_t *out_length, int *out_width, int *out_height) {
    VipsImage *image = NULL;
    if (vips_thumbnail_buffer((void *)data, length, &image, width, "height", 100000, "size", VIPS_SIZE_DOWN, NULL) != 0) return -1;
    int status;
    if (webp) {
        status = vips_webpsave_buffer(image, out, out_length, "Q", quality, "strip", TRUE, NULL);
    } else {
        // JPEG has no alpha: a transparent PNG is flattened on white.
        VipsImage *flat = NULL;
        if (vips_image_hasalpha(image)) {
            double white[3] = {255, 255, 255};
            VipsArrayDouble *background = vips_array_double_new(white, 3);
            status = vips_flatten(image, &flat, "background", background, NULL);
            vips_area_unref(VIPS_AREA(background));
            if (status != 0) { g_object_unref(image); return -1; }
            g_object_unref(image);
            image = flat;
        }
        status = vips_jpegsave_buffer(image, out, out_length, "Q", quality, "strip", TRUE, "interlace", TRUE, NULL);
    }
    *out_width = vips_image_get_width(image);
    *out_height = vips_image_get_height(image);
    g_object_unref(image);
    return status;
}

/// The last error libvips recorded, cleared as it is read; the caller frees it with `g_free`.
static inline char *warraq_vips_error(void) {
    char *text = g_strdup(vips_error_buffer());
    vips_error_clear();
    return text;
}

static inline void warraq_vips_free(void *pointer) { g_free(pointer); }
