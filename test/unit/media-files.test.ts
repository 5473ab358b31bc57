import { isImageFile } from '../../src/lib/media'

describe('which picked files count as photos', () => {
  it('takes what WeChat reports as an image and any image MIME type from a browser', () => {
    expect(isImageFile('image')).toBe(true)
    expect(isImageFile(undefined)).toBe(true)
    expect(isImageFile('image/jpeg')).toBe(true)
    expect(isImageFile('IMAGE/PNG')).toBe(true)
  })

  it('refuses documents, videos and files the browser could not name', () => {
    expect(isImageFile('application/pdf')).toBe(false)
    expect(isImageFile('video/mp4')).toBe(false)
    expect(isImageFile('text/plain')).toBe(false)
    expect(isImageFile('')).toBe(false)
  })
})
