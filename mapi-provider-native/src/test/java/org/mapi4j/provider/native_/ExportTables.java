package org.mapi4j.provider.native_;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the export table of a shared library: the defined global functions of an ELF64
 * little-endian {@code .so} (its {@code .dynsym}), or the exported names of a PE {@code .dll} (its
 * export directory). Only what the export check needs, from the formats' published layouts
 * (System V gABI; Microsoft PE/COFF specification), so that the test needs no binutils for the
 * target and reads each table exactly.
 */
final class ExportTables {

    private ExportTables() {
    }

    /** A library's machine and exported names. */
    record Exports(String machine, Set<String> names) {
    }

    static Exports read(byte[] image) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (image.length > 4 && b.getInt(0) == 0x464C457F) { // "\x7FELF"
            return elf(b);
        }
        if (image.length > 0x40 && b.getShort(0) == 0x5A4D) { // "MZ"
            return pe(b);
        }
        throw new IllegalArgumentException("neither ELF nor PE");
    }

    private static Exports elf(ByteBuffer b) {
        if (b.get(4) != 2 || b.get(5) != 1) {
            throw new IllegalArgumentException("only ELF64 little-endian is read here");
        }
        int machine = Short.toUnsignedInt(b.getShort(0x12));
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != 11) { // SHT_DYNSYM
                continue;
            }
            int symOff = (int) b.getLong(sh + 0x18);
            int symSize = (int) b.getLong(sh + 0x20);
            int entsize = (int) b.getLong(sh + 0x38);
            int strSh = (int) (shoff + (long) b.getInt(sh + 0x28) * shentsize);
            int strOff = (int) b.getLong(strSh + 0x18);
            for (int s = symOff + entsize; s < symOff + symSize; s += entsize) { // entry 0 is the null symbol
                int info = b.get(s + 4) & 0xFF;
                int shndx = Short.toUnsignedInt(b.getShort(s + 6));
                boolean defined = shndx != 0;
                boolean global = (info >> 4) == 1 || (info >> 4) == 2; // STB_GLOBAL, STB_WEAK
                boolean function = (info & 0xF) == 2;                // STT_FUNC
                boolean visible = (b.get(s + 5) & 3) == 0;           // STV_DEFAULT
                if (defined && global && function && visible) {
                    names.add(cString(b, strOff + b.getInt(s)));
                }
            }
        }
        String name = switch (machine) {
            case 0x3E -> "x86-64";
            case 0xB7 -> "aarch64";
            default -> "ELF machine " + machine;
        };
        return new Exports(name, names);
    }

    private static Exports pe(ByteBuffer b) {
        int pe = b.getInt(0x3C);
        if (b.getInt(pe) != 0x00004550) { // "PE\0\0"
            throw new IllegalArgumentException("no PE signature");
        }
        int coff = pe + 4;
        int machine = Short.toUnsignedInt(b.getShort(coff));
        int sections = Short.toUnsignedInt(b.getShort(coff + 2));
        int optSize = Short.toUnsignedInt(b.getShort(coff + 16));
        int opt = coff + 20;
        int magic = Short.toUnsignedInt(b.getShort(opt));
        int dataDirectories = opt + (magic == 0x20B ? 112 : 96); // PE32+ : PE32
        int exportRva = b.getInt(dataDirectories);
        int sectionTable = opt + optSize;
        Set<String> names = new TreeSet<>();
        if (exportRva != 0) {
            int dir = offset(b, sectionTable, sections, exportRva);
            int count = b.getInt(dir + 24);
            int namePointers = offset(b, sectionTable, sections, b.getInt(dir + 32));
            for (int i = 0; i < count; i++) {
                names.add(cString(b, offset(b, sectionTable, sections, b.getInt(namePointers + 4 * i))));
            }
        }
        String name = switch (machine) {
            case 0x8664 -> "x86-64";
            case 0x14C -> "x86";
            default -> "PE machine " + machine;
        };
        return new Exports(name, names);
    }

    /** The file offset of a relative virtual address, through the section that holds it. */
    private static int offset(ByteBuffer b, int sectionTable, int sections, int rva) {
        for (int i = 0; i < sections; i++) {
            int s = sectionTable + 40 * i;
            int va = b.getInt(s + 12);
            int extent = Math.max(b.getInt(s + 8), b.getInt(s + 16));
            if (rva >= va && rva < va + extent) {
                return rva - va + b.getInt(s + 20);
            }
        }
        throw new IllegalArgumentException("RVA 0x" + Integer.toHexString(rva) + " is in no section");
    }

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) {
            end++;
        }
        return new String(b.array(), at, end - at, StandardCharsets.US_ASCII);
    }
}
