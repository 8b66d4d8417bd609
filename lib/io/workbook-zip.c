/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the zip container of a workbook (workbook-private.h).
 *
 * Both .xlsx and .ods are zip archives of XML files. The archive is read
 * whole into memory first, as every reader of the library reads its file
 * (file.c: a regular file or a pipe, no devices, a size limit), and
 * opened by libzip from that buffer. A zip may unpack to far more than
 * its size, so every entry is checked twice against what is left of
 * SM_WORKBOOK_MAX_SIZE: by the size the archive's directory declares,
 * before anything is unpacked, and by the bytes actually unpacked, of
 * which no more than the declared size plus one are ever asked for, so
 * that an entry that lies about its size stops at once. libzip checks
 * each entry's CRC as it reaches the end.
 */
#include "io/workbook-private.h"

#include <string.h>
#include <zip.h>

#include "io/file-private.h"

struct _SmZip {
  GBytes *bytes; /* the archive; libzip reads from it */
  zip_t *zip;
  guint64 left; /* bytes that may still be unpacked */
};

void
sm_zip__close (SmZip *z)
{
  if (z == NULL)
    return;
  if (z->zip != NULL)
    zip_discard (z->zip);
  g_bytes_unref (z->bytes);
  g_free (z);
}

/* What the first bytes say a file that is no zip is, for the message. */
static const char *
not_zip_hint (GBytes *bytes)
{
  gsize n;
  const guchar *p = g_bytes_get_data (bytes, &n);
  static const guchar cfb[] = { 0xD0, 0xCF, 0x11, 0xE0 };
  if (n >= 4 && memcmp (p, cfb, 4) == 0)
    return "it looks like an old .xls workbook or one protected by a "
           "password; save it as .xlsx or .ods without a password";
  return "save the workbook as .xlsx or .ods, or give the folder of CSV "
         "tables";
}

static gboolean
open_archive (SmZip *z, GError **error)
{
  zip_error_t zerror;
  zip_error_init (&zerror);
  gsize n;
  const void *data = g_bytes_get_data (z->bytes, &n);
  zip_source_t *source = zip_source_buffer_create (data != NULL ? data : "", n,
                                                   0, &zerror);
  if (source != NULL)
    z->zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  if (z->zip == NULL)
    {
      int code = zip_error_code_zip (&zerror);
      if (source != NULL)
        zip_source_free (source);
      if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || n == 0)
        g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                     "The file is not a workbook (not a zip archive, as "
                     ".xlsx and .ods files are): %s.",
                     not_zip_hint (z->bytes));
      else
        g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                     "The workbook's zip archive is damaged (%s).",
                     zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return FALSE;
    }
  zip_error_fini (&zerror);
  return TRUE;
}

SmZip *
sm_zip__open (const char *path, GError **error)
{
  GBytes *bytes = sm_text_file__load_with_limit (path, SM_WORKBOOK_MAX_SIZE,
                                                 error);
  if (bytes == NULL)
    return NULL;
  SmZip *z = g_new0 (SmZip, 1);
  z->bytes = bytes;
  z->left = SM_WORKBOOK_MAX_SIZE;
  if (!open_archive (z, error))
    {
      sm_zip__close (z);
      return NULL;
    }
  zip_int64_t entries = zip_get_num_entries (z->zip, 0);
  if (entries > SM_WORKBOOK_MAX_ENTRIES)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "The workbook's zip holds %" G_GINT64_FORMAT
                   " files, more than the %d a workbook may hold; it is "
                   "not a workbook as spreadsheet programs write them.",
                   (gint64) entries, SM_WORKBOOK_MAX_ENTRIES);
      sm_zip__close (z);
      return NULL;
    }
  return z;
}

gboolean
sm_zip__has (const SmZip *z, const char *name)
{
  return zip_name_locate (z->zip, name, 0) >= 0;
}

static gboolean
too_large (const char *name, GError **error)
{
  g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
               "%s: the files in the workbook unpack to more than %d MiB, "
               "more than a scenario needs (a workbook of 100,000 employees "
               "unpacks to about 40 MiB); it may be a zip bomb.",
               name, (int) (SM_WORKBOOK_MAX_SIZE >> 20));
  return FALSE;
}

/* Unpacks the entry at @index, of @size declared bytes, into @out. */
static gboolean
unpack (SmZip *z, zip_uint64_t index, guint64 size, GByteArray *out,
        GError **error)
{
  zip_file_t *file = zip_fopen_index (z->zip, index, 0);
  if (file == NULL)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "the file in the workbook cannot be unpacked (%s).",
                   zip_strerror (z->zip));
      return FALSE;
    }
  g_byte_array_set_size (out, (guint) size + 1);
  guint64 got = 0;
  zip_int64_t n = 0;
  while (got <= size
         && (n = zip_fread (file, out->data + got, size + 1 - got)) > 0)
    got += (guint64) n;
  gboolean ok = n >= 0 && got == size;
  if (!ok)
    g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                 "the file in the workbook is damaged (%s).",
                 n < 0 ? zip_file_strerror (file)
                       : "it does not unpack to the size it declares");
  zip_fclose (file);
  g_byte_array_set_size (out, (guint) got);
  return ok;
}

GBytes *
sm_zip__read (SmZip *z, const char *name, GError **error)
{
  zip_int64_t index = zip_name_locate (z->zip, name, 0);
  zip_stat_t st;
  if (index < 0 || zip_stat_index (z->zip, (zip_uint64_t) index, 0, &st) != 0
      || !(st.valid & ZIP_STAT_SIZE))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "%s: the file is missing from the workbook, or its size "
                   "cannot be told.",
                   name);
      return NULL;
    }
  if (st.size > z->left || st.size >= G_MAXUINT)
    {
      too_large (name, error);
      return NULL;
    }
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) inner = NULL;
  if (!unpack (z, (zip_uint64_t) index, st.size, out, &inner))
    {
      g_set_error (error, SM_ERROR, inner->code, "%s: %s", name,
                   inner->message);
      return NULL;
    }
  z->left -= st.size;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
