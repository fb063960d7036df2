import { describe, expect, test } from 'vitest';
import { attachmentDisposition, sanitiseFileName, withExtension } from './content-disposition';

describe('attachmentDisposition', () => {
  test('gives a plain ASCII name as it is', () => {
    expect(attachmentDisposition('agenda_en.pdf')).toBe('attachment; filename="agenda_en.pdf"');
  });

  test('adds the UTF-8 name in filename* for other scripts', () => {
    expect(attachmentDisposition('جدول الأعمال.pdf')).toBe(
      `attachment; filename="____ _______.pdf"; filename*=UTF-8''${encodeURIComponent('جدول الأعمال.pdf')}`,
    );
  });

  test('takes out quotes, folders, control and direction characters', () => {
    expect(attachmentDisposition('..\\..\\a"b\r\nc.pdf')).toBe('attachment; filename="a_b__c.pdf"');
    expect(sanitiseFileName('report\u202Efdp.exe')).toBe('report_fdp.exe');
    expect(sanitiseFileName('/etc/.hidden')).toBe('hidden');
    expect(sanitiseFileName('')).toBe('document');
  });
});

describe('withExtension', () => {
  test('names the file after what its content is', () => {
    expect(withExtension('setup.pdf', 'docx')).toBe('setup.docx');
    expect(withExtension('notes', 'pdf')).toBe('notes.pdf');
  });
});
