import { normalisePath, type StudioData, type StudioPageFolder } from './studio-data.js';

export function findStaticFolder(data: StudioData, path: string): StudioPageFolder | undefined {
  const wanted = normalisePath(path);
  return data.pageFolders.find((folder) => folder.path !== undefined && normalisePath(folder.path) === wanted);
}

export function findDynamicFolder(data: StudioData, dynamicPageType: string): StudioPageFolder | undefined {
  return data.pageFolders.find((folder) => folder.dynamicPageType === dynamicPageType);
}

export function findFolderById(data: StudioData, pageFolderId: string): StudioPageFolder | undefined {
  return data.pageFolders.find((folder) => folder.pageFolderId === pageFolderId);
}
