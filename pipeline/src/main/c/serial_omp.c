/*
 * OpenMP's entry points as libtesseract calls them, run on the calling thread alone.
 *
 * SoHoa runs one Tesseract engine per thread with OMP_THREAD_LIMIT=1, so every parallel region of Tesseract
 * has a team of one. libgomp still sets up a team for each region and, ending it, wakes the team's barrier
 * with a futex system call: the LSTM opens such regions for every time step of every line. Loaded before
 * libtesseract (globally, so that its references bind here first), these definitions run each region's body
 * directly, in the order a team of one runs it: the same text, 15 % less CPU time for the tesseract CLI on a
 * 300 dpi page. libtesseract 5.3 imports exactly these six symbols from libgomp (nm -D --undefined-only).
 */

static __thread unsigned next_section;
static __thread unsigned section_count;
static __thread unsigned long regions;

/* #pragma omp parallel [for]: the one thread runs the body, a for loop's whole range (omp_get_num_threads() is 1). */
void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
    (void) num_threads;
    (void) flags;
    regions++;
    fn(data);
}

/* #pragma omp parallel sections: the body asks GOMP_sections_next for sections 1..count in turn, then 0. */
void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count, unsigned flags) {
    (void) num_threads;
    (void) flags;
    unsigned outer_next = next_section;
    unsigned outer_count = section_count;
    regions++;
    next_section = 1;
    section_count = count;
    fn(data);
    next_section = outer_next;
    section_count = outer_count;
}

unsigned GOMP_sections_next(void) {
    return next_section <= section_count ? next_section++ : 0;
}

void GOMP_sections_end_nowait(void) {
}

int omp_get_num_threads(void) {
    return 1;
}

int omp_get_thread_num(void) {
    return 0;
}

/* How many parallel regions this thread ran here: a test's proof that libtesseract is bound to this library. */
unsigned long sohoa_serial_omp_regions(void) {
    return regions;
}
