package dev.trainyard.store.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sql#in} packs a result into one JSON text and {@link Values} reads it back: every value
 * must come back exactly as a row-at-a-time read gives it, whatever characters it holds, with
 * NULLs, numbers and the row order kept.
 */
class PackedRowsTest {
  @TempDir Path dir;

  static final String[] AWKWARD = {
    "plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\rcarriage", "bell \u0007 nul-free \u001f",
    "unicode é ✓ 𝛑 (astral)", "[\"not\", \"json\"]", "{\"a\": 1}", "", " padded ", "IN (?) and 'quoted'",
    "1e5", "null", "-12"
  };

  @Test
  void valuesRoundTripThroughThePackedResultAsTheyWereStored() throws Exception {
    try (Connection c = open()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < AWKWARD.length; i++) {
        keys.add("k" + i + AWKWARD[i]); // keys are awkward too: they travel as one JSON array
      }
      List<String[]> got = new ArrayList<>();
      Sql.in(c, "SELECT id, k, v, n, r FROM t WHERE k IN (?) ORDER BY id DESC", keys, rs -> {
        long n = rs.getLong(4);
        String number = rs.wasNull() ? "NULL" : Long.toString(n); // as with JDBC: about the last read
        got.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), number,
            rs.getString(5)});
      });
      assertThat(got).hasSize(AWKWARD.length);
      for (int i = 0; i < AWKWARD.length; i++) {
        String[] row = got.get(i);
        int id = AWKWARD.length - 1 - i; // ORDER BY id DESC, kept inside the aggregate
        assertThat(row[0]).isEqualTo(Integer.toString(id));
        assertThat(row[1]).isEqualTo("k" + id + AWKWARD[id]);
        assertThat(row[2]).isEqualTo(AWKWARD[id]);
        assertThat(row[3]).isEqualTo(id % 3 == 0 ? "NULL" : Long.toString(id * 1_000_000_007L));
        assertThat(row[4]).isNull();
      }
    }
  }

  @Test
  void numericKeysMatchIntegerColumnsAndAnEmptyResultHasNoRows() throws Exception {
    try (Connection c = open()) {
      List<Long> ids = new ArrayList<>();
      Sql.in(c, "SELECT id FROM t WHERE id IN (?) ORDER BY id", List.of(2L, 5L, 999L), rs -> ids.add(rs.getLong(1)));
      assertThat(ids).containsExactly(2L, 5L);
      List<String> none = new ArrayList<>();
      Sql.in(c, "SELECT k FROM t WHERE k IN (?)", List.of("no such key"), rs -> none.add(rs.getString(1)));
      assertThat(none).isEmpty();
    }
  }

  @Test
  void distinctAndSubqueriesInTheColumnsAreKept() {
    assertThat(Sql.pack("SELECT DISTINCT a FROM t WHERE a IN (?)"))
        .isEqualTo("SELECT json_group_array(DISTINCT json_array(a)) FROM t WHERE a IN (?)");
    assertThat(Sql.pack("SELECT a, (SELECT group_concat(x, ',') FROM u WHERE u.id = t.id) FROM t ORDER BY a, b"))
        .isEqualTo("SELECT json_group_array(json_array(a, (SELECT group_concat(x, ',') FROM u WHERE u.id = t.id))"
            + " ORDER BY a, b) FROM t");
  }

  @Test
  void aJsonTypedColumnComesBackAsItsText() throws Exception {
    try (Connection c = open()) {
      List<String> got = new ArrayList<>();
      Sql.in(c, "SELECT json_extract('{\"o\": {\"x\": [1, \"]\"]}}', '$.o'), 'after' FROM t WHERE id IN (?)",
          List.of(1L), rs -> got.addAll(Arrays.asList(rs.getString(1), rs.getString(2))));
      assertThat(got).containsExactly("{\"x\":[1,\"]\"]}", "after");
    }
  }

  private Connection open() throws Exception {
    Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + dir.resolve("t.db"), new Properties());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, k TEXT, v TEXT, n INTEGER, r TEXT)");
      s.execute("DELETE FROM t");
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, NULL)")) {
      for (int i = 0; i < AWKWARD.length; i++) {
        p.setInt(1, i);
        p.setString(2, "k" + i + AWKWARD[i]);
        p.setString(3, AWKWARD[i]);
        if (i % 3 == 0) {
          p.setNull(4, java.sql.Types.INTEGER);
        } else {
          p.setLong(4, i * 1_000_000_007L);
        }
        p.executeUpdate();
      }
    }
    return c;
  }
}
