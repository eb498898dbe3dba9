//! The global allocator: mimalloc, asked for a plain block whenever Rust's alignment is one
//! every mimalloc block has. `mimalloc::MiMalloc` sends every request through
//! `mi_malloc_aligned`, whose alignment checks cost some 35 instructions more a call than
//! `mi_malloc`: an analysis makes hundreds of small allocations an article.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{mi_free, mi_malloc, mi_realloc, mi_zalloc};
use mimalloc::MiMalloc;

pub struct Allocator;

/// mimalloc's blocks are whole words, so every block is aligned to a word at least.
const PLAIN: usize = std::mem::size_of::<usize>();

// SAFETY: each method forwards to mimalloc, directly when the requested alignment is at most
// PLAIN (which every mimalloc block has) and through MiMalloc's aligned calls otherwise; every
// block, however obtained, is freed by mi_free.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN {
            mi_malloc(layout.size()).cast()
        } else {
            MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN {
            mi_zalloc(layout.size()).cast()
        } else {
            MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN {
            mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            MiMalloc.realloc(ptr, layout, new_size)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_of_every_alignment_are_aligned_and_keep_their_bytes() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 40, 100, 5000] {
                let layout = std::alloc::Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layout has a non-zero size; the block is written within it and
                // freed with the same layout
                unsafe {
                    let p = std::alloc::alloc_zeroed(layout);
                    assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
                    assert!((0..size).all(|k| *p.add(k) == 0));
                    p.write_bytes(0xAB, size);
                    let q = std::alloc::realloc(p, layout, 2 * size);
                    assert_eq!(q as usize % align, 0);
                    assert!((0..size).all(|k| *q.add(k) == 0xAB));
                    std::alloc::dealloc(
                        q,
                        std::alloc::Layout::from_size_align(2 * size, align).unwrap(),
                    );
                }
            }
        }
    }
}
