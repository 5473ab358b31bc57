import { render, screen } from '@testing-library/react'
import { LengthCount } from '@/components/length-count'

describe('LengthCount', () => {
  it('shows how much of the limit is used, and nothing more while there is room', () => {
    render(<LengthCount length={12} max={2000} fullText='最多 2000 字，超出的部分未保留' />)
    expect(screen.getByText('12/2000')).toBeInTheDocument()
    expect(screen.queryByText('最多 2000 字，超出的部分未保留')).toBeNull()
  })

  it('says in words that the rest was cut once the field is full', () => {
    const { container } = render(<LengthCount length={2000} max={2000} fullText='最多 2000 字，超出的部分未保留' />)
    expect(screen.getByText('最多 2000 字，超出的部分未保留')).toBeInTheDocument()
    expect(container.querySelector('.length-count--full')).not.toBeNull()
  })
})
