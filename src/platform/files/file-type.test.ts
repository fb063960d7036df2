import { describe, expect, test } from 'vitest';
import { makeCompoundFile, makeDocx, makeExe, makeOdt, makeXlsx, makeZip } from '../../../test/files';
import { makeDemoPdf } from '../../modules/conversations/demo/demo-pdf';
import { DOCUMENT_TYPES, detectDocumentType } from './file-type';

describe('detectDocumentType', () => {
  test('recognises a PDF by its header', () => {
    expect(detectDocumentType(makeDemoPdf(['Ordre du jour']))).toEqual(DOCUMENT_TYPES.pdf);
  });

  test('tells Office Open XML files apart by their main part', () => {
    expect(detectDocumentType(makeDocx())).toEqual(DOCUMENT_TYPES.docx);
    expect(detectDocumentType(makeXlsx())).toEqual(DOCUMENT_TYPES.xlsx);
  });

  test('reads the OpenDocument type from the mimetype entry', () => {
    expect(detectDocumentType(makeOdt())).toEqual(DOCUMENT_TYPES.odt);
  });

  test('recognises legacy Word, Excel and PowerPoint by their content stream', () => {
    expect(detectDocumentType(makeCompoundFile('WordDocument'))).toEqual(DOCUMENT_TYPES.doc);
    expect(detectDocumentType(makeCompoundFile('Workbook'))).toEqual(DOCUMENT_TYPES.xls);
    expect(detectDocumentType(makeCompoundFile('PowerPoint Document'))).toEqual(DOCUMENT_TYPES.ppt);
  });

  test('refuses an executable, a plain zip, an installer and text', () => {
    expect(detectDocumentType(makeExe())).toBeUndefined();
    expect(detectDocumentType(makeZip([{ name: 'evil.exe', content: makeExe() }]))).toBeUndefined();
    expect(detectDocumentType(makeCompoundFile('SummaryInformation'))).toBeUndefined();
    expect(detectDocumentType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(detectDocumentType(Buffer.alloc(0))).toBeUndefined();
  });

  test('refuses a zip whose directory is cut off', () => {
    const docx = makeDocx();

    expect(detectDocumentType(docx.subarray(0, docx.length - 30))).toBeUndefined();
  });
});
