/**
 * The global search: one box that finds customers, contacts, leads, deals and every other record the
 * caller may read, by name, phone, cid, company, e-mail or pinyin (initials such as {@code zw} find
 * 张伟), limited to the caller's data scope like every other read.
 */
package com.weavecrm.platform.search;
